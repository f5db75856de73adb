package job

// Passphrases for protected workbooks: a few common words, easy to say on
// the telephone and to type on a phone, drawn at random.

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/backplan/backplan/render"
)

// PassphraseWords is how many words a passphrase has, and MaxPassphrase
// how long it may be. Each word is one of len(wordList) = 512; of the
// five-word passphrases, the half that are at most 32 characters long
// hold 44 bits: at the tens of thousands of guesses a second a graphics
// card makes against the PDF 2.0 hash, years of guessing. The 32: some
// programs read no more of a password (poppler's pdftotext and
// pdftoppm), as PDF's older security handlers used no more.
const (
	PassphraseWords = 5
	MaxPassphrase   = 32
)

// wordList is the passphrases' words: 512 common English words of four to
// seven lower-case letters, things a patient can picture and spell, with
// no word that sounds like another (no "pear" beside "pair", no "beach"
// beside "beech"), none spelt two ways (no "grey"), and none about
// health or harm.
var wordList = strings.Fields(`
acorn acrobat airport almond amber anchor anthem apple apricot archer arrow
atlas autumn badge badger bagel bakery ballet balloon bamboo banana banjo
banner barley barn basil basin basket beacon bean beaver bench birch biscuit
bison blanket blender blossom bonnet boot bottle bracket breeze brick bridge
bronze brush bubble bucket buckle bugle butter button cabbage cabin cabinet
cable cactus camel camera candle candy canoe canvas canyon captain cargo
carpet carrot carton castle celery cello chair chalk chapel charm cheese
cherry chess chimney cinema circus citrus clay cliff clock cloud clover
cobalt cobbler cocoa coconut coffee comet comma compass cookie copper
cottage cotton cowboy cracker cradle crane crater crayon cream cricket
crimson crown crystal cupcake curtain cushion custard dairy daisy denim
diamond dinner dock dolphin domino donkey doodle doormat dragon drawer drift
drum duck dune eagle easel eclipse ember emerald engine falcon farm feather
fence fern ferret fiddle field finch flag flannel flute forest fork fossil
frog frost fudge funnel gadget galaxy gallery garage garden garlic garnet
gecko giant ginger glacier glider globe glove golden goose grape gravy green
griddle guitar hammer hammock hamster harp hazel heather helium helmet heron
hill hinge hippo hockey holly honey icicle igloo indigo island ivory jacket
jade jaguar jasmine jelly jersey jester jigsaw jockey jungle kayak kettle
kingdom kitchen kite kitten kiwi koala ladder ladle lagoon lake lamb lamp
lantern laurel leaf legend lemon lemur lettuce library lilac lily linen lion
lizard lobster locket lotus lumber magic magnet magpie mallet mammoth mango
maple marble marina market marsh mascot meadow melon mermaid meteor milk
mint mirror mitten mixer mocha monkey moon mosaic moss muffin museum mustard
napkin navy nectar needle noodle nugget nutmeg oatmeal ocean olive onion
orange orbit orchard orchid otter oven oyster paddle padlock paint palace
pancake panda paper parade parcel parka parrot parsley pasta pastry patio
peach peacock peanut pebble pelican pencil penguin pepper piano pickle
picnic pigeon pillar pillow pine pink pirate pizza planet plate plaza pocket
pollen pond pony popcorn poppy porch potato pottery prairie pretzel prism
pudding puddle puffin pulley pumpkin puppet puppy purple puzzle quartz quilt
quiver rabbit radar radish raft rainbow raisin ranch rattle raven recipe
reef relish ribbon rice riddle ridge ripple river robin robot rock rocket
rodeo rooster rope ruby ruler saddle safari saffron sailor salad salmon sand
sandal sardine satchel satin saucer sausage scarf scarlet school scooter
shadow shark sheep shelf shell sherbet shore shovel signal silver skate
sketch sled slipper sloth snack snail snow snowman sock sofa sonnet soup
sparrow spider spinach sponge spoon spring spruce squash squid stadium stamp
stapler star station statue stencil sticker stone stool storm stream string
sugar summer summit sunset swan sweater swing syrup table tablet tandem
tango teacup teapot teddy temple tent thimble thistle thunder ticket tiger
tinsel toast toaster toffee tofu tomato topaz towel tower tractor tray
tripod trolley trophy trout trowel truffle trumpet tugboat tulip tunnel
turkey turnip turtle tuxedo unicorn valley vanilla vase velvet vessel viking
village vinegar violet violin volcano voyage waffle wagon wallet walnut
walrus weasel wheel whisk whistle willow window winter wizard wombat yellow
zipper
`)

// Passphrase returns PassphraseWords words, each drawn from r (a source
// of random bytes: crypto/rand.Reader, or a fixed stream in tests),
// separated by spaces, at most MaxPassphrase characters long: five words
// are drawn again until they are.
func Passphrase(r io.Reader) (string, error) {
	out := make([]string, PassphraseWords)
	n := big.NewInt(int64(len(wordList)))
	for range 200 { // a real source is short enough within a few draws
		for i := range out {
			k, err := rand.Int(r, n)
			if err != nil {
				return "", fmt.Errorf("drawing a passphrase: %w", err)
			}
			out[i] = wordList[k.Int64()]
		}
		if p := strings.Join(out, " "); len(p) <= MaxPassphrase {
			return p, nil
		}
	}
	return "", errors.New("drawing a passphrase: the random source gives only long ones")
}

// Protect returns a new passphrase and file ID for one protected
// workbook, drawn from r: the one way every front end protects a
// workbook, so that the same random bytes give the same PDF.
func Protect(r io.Reader) (*render.Protection, error) {
	pw, err := Passphrase(r)
	if err != nil {
		return nil, err
	}
	pr := &render.Protection{Passphrase: pw}
	if _, err := io.ReadFull(r, pr.FileID[:]); err != nil {
		return nil, fmt.Errorf("drawing a file ID: %w", err)
	}
	return pr, nil
}
