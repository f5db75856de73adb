// pdfjs.mjs FILE PASSWORD: open a PDF with pdf.js (the npm package
// pdfjs-dist, from the folder $BACKPLAN_PDFJS) and print the text of
// every page, one page a line. A wrong password prints "password" on
// standard error and exits 3; any other failure exits 1. Run by
// validators.PDFJS.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [file, password] = process.argv.slice(2);
const dir = process.env.BACKPLAN_PDFJS;
const pdfjs = await import(pathToFileURL(join(dir, "legacy/build/pdf.mjs")).href);
try {
  const data = new Uint8Array(readFileSync(file));
  const doc = await pdfjs.getDocument({ data, password, verbosity: 0, isEvalSupported: false }).promise;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    console.log(content.items.map((it) => it.str).join(" "));
  }
  await doc.destroy();
} catch (e) {
  if (e && e.name === "PasswordException") {
    console.error("password: " + e.message);
    process.exit(3);
  }
  console.error(String(e));
  process.exit(1);
}
