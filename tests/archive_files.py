#!/usr/bin/env python3
"""Writes the electronic copies the archive file tests upload into DIR:
real small PDF, PNG, JPEG, DOCX and XLSX files, and hostile ones (an HTML
page and an ELF program named .pdf, a zip bomb named .docx, a plain ZIP)."""
import struct, sys, zipfile, zlib, os

d = sys.argv[1]
os.makedirs(d, exist_ok=True)

def put(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

put("ok.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n")

def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
put("ok.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
# a baseline JPEG header (SOI, APP0 JFIF, ... EOI): libmagic reads the markers
put("ok.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xdb\x00\x43\x00" + bytes(range(64))
    + b"\xff\xd9")

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/%s" ContentType="%s"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>'
        '</Relationships>')

def office(name, part, ctype, body):
    path = os.path.join(d, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT % (part, ctype))
        z.writestr("_rels/.rels", RELS % part)
        z.writestr(part, body)

office("ok.docx", "word/document.xml",
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
       'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>档案</w:t>'
       '</w:r></w:p></w:body></w:document>')
office("ok.xlsx", "xl/workbook.xml",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook '
       'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')

# a DOCX whose document inflates to 150 MB of zeros (about 150 KB on disk)
path = os.path.join(d, "bomb.docx")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", CT % ("word/document.xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))
    z.writestr("_rels/.rels", RELS % "word/document.xml")
    with z.open("word/document.xml", "w", force_zip64=False) as f:
        block = b"\0" * (1 << 20)
        for _ in range(150):
            f.write(block)

# a ZIP that is no Office file
with zipfile.ZipFile(os.path.join(d, "plain.zip"), "w") as z:
    z.writestr("readme.txt", "hello")

put("page.html", b"<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n")
put("prog.exe", b"\x7fELF\x02\x01\x01\x00" + b"\0" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + b"\0" * 100)
put("mz.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\0" * 44 + b"\x80\x00\x00\x00"
    + b"\0" * 64 + b"PE\0\0L\x01" + b"\0" * 200)
