package plan

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// MaxLinkLength bounds a link printed as a QR code: a longer one makes a
// code too fine for an older phone's camera at the printed size, and a
// line too long to type from the paper.
const MaxLinkLength = 120

// personalParams are query parameters whose names say they carry who the
// patient is. A catalogue is shared by every plan made from it, so a
// link in it must never carry one patient's details.
var personalParams = []string{
	"patient", "name", "firstname", "first_name", "lastname", "last_name", "surname",
	"email", "mail", "phone", "tel", "mobile", "dob", "birth", "birthdate", "address",
	"nhs", "mrn", "ssn", "user", "username",
}

// CheckLink reports why s cannot be printed as a link in a workbook, or
// nil: it must be an https address of at most MaxLinkLength characters of
// plain ASCII, with a host, and carry nothing that would say who the
// patient is (no user name or "@", and no query parameter named for a
// person's details, such as name= or email=).
func CheckLink(s string) error {
	if s == "" {
		return errors.New("the link is empty")
	}
	for _, r := range s {
		if r <= ' ' || r >= 0x7f {
			return errors.New("the link must be plain ASCII with no spaces (write other letters %-encoded, as a browser's address bar copies them)")
		}
	}
	if len(s) > MaxLinkLength {
		return fmt.Errorf("the link is %d characters; keep it to %d, or use the video site's short link", len(s), MaxLinkLength)
	}
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return errors.New("the link is not a web address")
	case !strings.EqualFold(u.Scheme, "https"):
		return fmt.Errorf("the link must start with https:// (got %q)", clipLink(s))
	case u.Host == "" || u.Opaque != "":
		return errors.New("the link has no site name after https://")
	case u.User != nil || strings.Contains(s, "@"):
		return errors.New("the link holds an \"@\" (a user name or an email address); a link printed for patients carries no one's details")
	}
	for name := range u.Query() {
		for _, p := range personalParams {
			if strings.EqualFold(name, p) {
				return fmt.Errorf("the link's %q parameter would carry a patient's details; link to the video alone", name)
			}
		}
	}
	return nil
}

// clipLink shortens a link for a message.
func clipLink(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
