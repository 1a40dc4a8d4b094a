import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, rgb, StandardFonts } from 'pdf-lib';
import {
  type CoBrandSlot,
  coBrandPdf,
  coBrandSvg,
  coBrandValues,
  fitText,
  initialsOf,
  isSvgTemplate,
  logoBytesFromDataUrl,
  type PartnerDetails,
  plainText,
  safeImageUrl,
  xmlEscape,
} from './cobrand.js';

const partner: PartnerDetails = {
  name: 'Northwind Traders',
  logoUrl: 'https://cdn.northwind.example/logo.png',
  website: 'https://www.northwind.example/',
  contact: { name: 'Maria Anders', email: 'maria.anders@northwind.example', phone: '+49 30 1234567' },
};

const svgSource =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 400" width="1200" height="400" color="#ffffff">' +
  '<rect width="1200" height="400" fill="#123"/><text x="40" y="120" font-size="64">Ship faster</text></svg>\n';

const slots: CoBrandSlot[] = [
  { key: 'logo', kind: 'image', x: 40, y: 260, width: 200, height: 100 },
  { key: 'partner_name', kind: 'text', x: 700, y: 260, width: 460, height: 40, fontSize: 32, align: 'end' },
  { key: 'contact_email', kind: 'text', x: 700, y: 310, width: 460, height: 24, align: 'end' },
  { key: 'website', kind: 'text', x: 700, y: 340, width: 460, height: 24, fontSize: 18, align: 'middle' },
];

function parseSvg(xml: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(xml, 'image/svg+xml');
  assert.deepEqual(errors, [], 'the co-branded SVG is well-formed XML');
  return doc;
}

function allElements(doc: ReturnType<typeof parseSvg>): XmlElement[] {
  return Array.from(doc.getElementsByTagName('*'));
}

function slotText(doc: ReturnType<typeof parseSvg>, key: string): string | null {
  const el = allElements(doc).find((e) => e.getAttribute('data-pk-slot') === key);
  return el ? (el.textContent ?? '') : null;
}

describe('values for the slots', () => {
  test("come from the partner's organisation", () => {
    const v = coBrandValues(partner);
    assert.equal(v.partner_name, 'Northwind Traders');
    assert.equal(v.contact_name, 'Maria Anders');
    assert.equal(v.contact_phone, '+49 30 1234567');
    assert.equal(v.website, 'www.northwind.example');
    assert.equal(v.logo, 'https://cdn.northwind.example/logo.png');
  });

  test("the download's fields override them; an empty override blanks the slot", () => {
    const v = coBrandValues(partner, {
      partner_name: 'Northwind Berlin',
      contact_phone: '',
      website: 'http://nw.example/de/',
    });
    assert.equal(v.partner_name, 'Northwind Berlin');
    assert.equal(v.contact_phone, '');
    assert.equal(v.website, 'nw.example/de');
    assert.equal(v.contact_email, 'maria.anders@northwind.example');
  });

  test('only web and inline image URLs may be a logo', () => {
    assert.equal(safeImageUrl('javascript:alert(1)'), null);
    assert.equal(safeImageUrl('file:///etc/passwd'), null);
    assert.equal(safeImageUrl('data:text/html;base64,PHNjcmlwdD4='), null);
    assert.equal(safeImageUrl('data:image/png;base64,iVBORw0KGgo='), 'data:image/png;base64,iVBORw0KGgo=');
    assert.equal(safeImageUrl(' https://x.example/a b.png'), 'https://x.example/a%20b.png');
    assert.equal(safeImageUrl(null), null);
  });

  test('plain text drops what XML forbids and keeps one line', () => {
    assert.equal(plainText('A\u0000B\u0007C\nD\t\tE\uFFFF \uD800F'), 'ABC D E F');
    assert.equal(plainText('  日本 🚀 Ltd '), '日本 🚀 Ltd');
  });

  test('initials', () => {
    assert.equal(initialsOf('Northwind Traders'), 'NT');
    assert.equal(initialsOf('"><b> contoso'), 'BC');
    assert.equal(initialsOf('***'), '?');
  });
});

describe('SVG templates', () => {
  test('fills every slot and keeps the template', () => {
    const out = coBrandSvg(svgSource, { slots }, coBrandValues(partner));
    const doc = parseSvg(out);
    assert.equal(doc.documentElement?.tagName, 'svg');
    assert.ok(out.includes('Ship faster'));
    assert.equal(slotText(doc, 'partner_name'), 'Northwind Traders');
    assert.equal(slotText(doc, 'contact_email'), 'maria.anders@northwind.example');
    assert.equal(slotText(doc, 'website'), 'www.northwind.example');
    const logo = allElements(doc).find((e) => e.tagName === 'image');
    assert.equal(logo?.getAttribute('href'), 'https://cdn.northwind.example/logo.png');
    assert.equal(logo?.getAttribute('x'), '40');
    const name = allElements(doc).find((e) => e.getAttribute('data-pk-slot') === 'partner_name');
    assert.equal(name?.getAttribute('text-anchor'), 'end');
    assert.equal(name?.getAttribute('x'), '1160');
    assert.equal(name?.getAttribute('font-size'), '32');
  });

  test('a partner without a logo gets a monogram as a data URL', () => {
    const out = coBrandSvg(svgSource, { slots }, coBrandValues({ ...partner, logoUrl: null }));
    const href = allElements(parseSvg(out))
      .find((e) => e.tagName === 'image')
      ?.getAttribute('href');
    assert.match(href ?? '', /^data:image\/svg\+xml;base64,/);
    const inner = Buffer.from(href!.split(',')[1]!, 'base64').toString('utf8');
    assert.equal(allElements(parseSvg(inner)).find((e) => e.tagName === 'text')?.textContent, 'NT');
  });

  test('hostile names stay text: no element, no attribute, no script', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '" onload="alert(1)',
      "' onmouseover='alert(1)",
      '</text><script>alert(document.cookie)</script><text>',
      ']]><!ENTITY x "y">&amp;&lt;',
      '<![CDATA[<script>1</script>]]>',
      'Acme & Söhne <GmbH> "Best"',
    ];
    for (const name of hostile) {
      const out = coBrandSvg(
        svgSource,
        { slots: [{ key: 'partner_name', kind: 'text', x: 0, y: 0, width: 5000, height: 40 }] },
        coBrandValues({ ...partner, name, logoUrl: `javascript:alert("${name}")` }, { contact_email: name }),
      );
      const doc = parseSvg(out);
      assert.equal(slotText(doc, 'partner_name'), name, 'the name is the exact text of its slot');
      const elements = allElements(doc);
      assert.equal(
        elements.some((e) => e.tagName.toLowerCase() === 'script'),
        false,
      );
      for (const e of elements) {
        for (const attr of Array.from(e.attributes)) {
          assert.ok(!attr.name.toLowerCase().startsWith('on'), `no event handler attribute (${attr.name})`);
          assert.ok(!attr.value.includes('javascript:'), 'no javascript: URL');
        }
      }
    }
  });

  test('property: any partner name round-trips as the text of its slot', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (name) => {
        const out = coBrandSvg(
          svgSource,
          { slots: [{ key: 'partner_name', kind: 'text', x: 0, y: 0, width: 100_000, height: 40 }] },
          coBrandValues({ ...partner, name }),
        );
        const doc = parseSvg(out);
        const expected = plainText(name);
        assert.equal(slotText(doc, 'partner_name'), expected === '' ? null : expected);
      }),
    );
  });

  test('long text shrinks, then is cut with an ellipsis, to fit the slot', () => {
    const long =
      'The Extraordinarily Long Partner Organisation Name of Northern Europe Holdings International';
    const out = coBrandSvg(
      svgSource,
      { slots: [{ key: 'partner_name', kind: 'text', x: 0, y: 0, width: 300, height: 40, fontSize: 30 }] },
      coBrandValues({ ...partner, name: long }),
    );
    const doc = parseSvg(out);
    const text = slotText(doc, 'partner_name')!;
    assert.ok(text.endsWith('…'));
    assert.ok(long.startsWith(text.slice(0, -1)));
    const size = Number(
      allElements(doc)
        .find((e) => e.getAttribute('data-pk-slot') === 'partner_name')
        ?.getAttribute('font-size'),
    );
    assert.equal(size, 18);
  });

  test('fitText: fits, shrinks, truncates', () => {
    const measure = (t: string, s: number) => [...t].length * s * 0.5;
    assert.deepEqual(fitText('abcd', 100, 10, measure), { text: 'abcd', size: 10 });
    assert.deepEqual(fitText('abcdefghij', 40, 10, measure), { text: 'abcdefghij', size: 8 });
    const cut = fitText('abcdefghijklmnopqrstuvwxyz', 40, 10, measure);
    assert.equal(cut.size, 6);
    assert.ok(measure(cut.text, cut.size) <= 40);
    assert.equal(cut.text, 'abcdefghijkl…');
    assert.deepEqual(fitText('', 40, 10, measure), { text: '', size: 10 });
  });

  test('empty values leave their slot out', () => {
    const out = coBrandSvg(svgSource, { slots }, coBrandValues(partner, { contact_email: '   ' }));
    assert.equal(slotText(parseSvg(out), 'contact_email'), null);
  });

  test('refuses a source that is not an SVG document', () => {
    assert.equal(isSvgTemplate(svgSource), true);
    assert.equal(isSvgTemplate('<html><svg></svg></html>'), false);
    assert.throws(() => coBrandSvg('<p>hi</p>', { slots }, coBrandValues(partner)));
  });

  test('xmlEscape', () => {
    assert.equal(xmlEscape(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

async function pdfTemplate(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Datasheet page ${i + 1}`, { x: 50, y: 700, size: 24, font, color: rgb(0, 0, 0) });
  }
  return doc.save();
}

/** Every content-stream operator of a page, decoded, as text. */
function pageContent(doc: PDFDocument, index: number): string {
  const page = doc.getPage(index);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  let text = '';
  for (const s of streams) {
    if (s instanceof PDFRawStream) text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
  }
  return text;
}

/** How pdf-lib writes a standard-font string into a content stream: WinAnsi bytes as hex. */
const shown = (text: string) => `<${Buffer.from(text, 'latin1').toString('hex').toUpperCase()}> Tj`;

describe('PDF templates', () => {
  const pdfSlots: CoBrandSlot[] = [
    { key: 'logo', kind: 'image', page: 1, x: 40, y: 40, width: 120, height: 60 },
    {
      key: 'partner_name',
      kind: 'text',
      page: 1,
      x: 200,
      y: 50,
      width: 360,
      height: 30,
      fontSize: 20,
      align: 'end',
    },
    { key: 'contact_name', kind: 'text', page: 2, x: 40, y: 700, width: 300, height: 20, fontSize: 12 },
    { key: 'contact_email', kind: 'text', page: 2, x: 40, y: 724, width: 300, height: 20, fontSize: 12 },
  ];

  test('draws each value on the page of its slot; the output parses', async () => {
    const out = await coBrandPdf(await pdfTemplate(), { slots: pdfSlots }, coBrandValues(partner));
    const doc = await PDFDocument.load(out);
    assert.equal(doc.getPageCount(), 2);
    const first = pageContent(doc, 0);
    const second = pageContent(doc, 1);
    assert.ok(first.includes(shown('Northwind Traders')), 'partner name on page 1');
    assert.ok(!second.includes(shown('Northwind Traders')));
    assert.ok(second.includes(shown('Maria Anders')), 'contact name on page 2');
    assert.ok(second.includes(shown('maria.anders@northwind.example')));
    // a web logo is not fetched: the initials stand in
    assert.ok(first.includes(shown('NT')));
  });

  test('embeds a PNG logo given as a data URL', async () => {
    // a 1x1 PNG; embedding it in a scratch document proves pdf-lib can read it
    const src = await PDFDocument.create();
    const pngBytes = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await src.embedPng(pngBytes);
    const logo = `data:image/png;base64,${pngBytes.toString('base64')}`;
    assert.ok(logoBytesFromDataUrl(logo));
    const out = await coBrandPdf(
      await pdfTemplate(1),
      { slots: pdfSlots },
      coBrandValues({ ...partner, logoUrl: logo }),
    );
    const doc = await PDFDocument.load(out);
    const first = pageContent(doc, 0);
    assert.match(first, /\/Image-\d+-\d+ Do|\/[A-Za-z0-9-]+ Do/);
    assert.ok(!first.includes(shown('NT')), 'no monogram when the logo is embedded');
  });

  test('characters a standard font cannot draw become ?, never an error', async () => {
    const out = await coBrandPdf(
      await pdfTemplate(1),
      { slots: pdfSlots },
      coBrandValues({ ...partner, name: 'Nörthwind 日本 <script>' }),
    );
    const first = pageContent(await PDFDocument.load(out), 0);
    assert.ok(first.includes(shown('Nörthwind ?? <script>')));
  });

  test('slots on pages the template does not have are skipped', async () => {
    const out = await coBrandPdf(
      await pdfTemplate(1),
      { slots: [{ key: 'partner_name', kind: 'text', page: 3, x: 0, y: 0, width: 100, height: 20 }] },
      coBrandValues(partner),
    );
    assert.equal((await PDFDocument.load(out)).getPageCount(), 1);
  });

  test('a slot measured from the top lands near the top of the page', async () => {
    const out = await coBrandPdf(
      await pdfTemplate(1),
      {
        slots: [
          { key: 'partner_name', kind: 'text', page: 1, x: 10, y: 10, width: 500, height: 20, fontSize: 10 },
        ],
      },
      coBrandValues(partner),
    );
    const content = pageContent(await PDFDocument.load(out), 0);
    const m = content.match(/1 0 0 1 ([\d.]+) ([\d.]+) Tm\s*<4E6F72/);
    assert.ok(m, 'the name is positioned with a text matrix');
    // top of page is 792; the slot spans 762..782 from the bottom, the baseline sits inside it
    assert.ok(Number(m[2]) > 762 && Number(m[2]) < 782, `baseline at ${m[2]}`);
  });
});
