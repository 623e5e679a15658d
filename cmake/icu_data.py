"""Cuts ICU's data down to what synopsis reads, for a statically linked module.

ICU keeps its data (locales, collation, conversion tables, break rules, ...) in one
"common data" package of about 30 MB, linked in as the symbol icudtNN_dat. synopsis
reads a small part of it: the word and sentence break rules with their per-language
bundles and dictionaries (brkitr/), and the NFKC and NFKC-casefold normalisation data.
This script finds the package inside ICU's data library (a .a, .so, .dylib or .dat:
the package is stored as is in all of them), keeps the items that match KEEP, and
writes a C++ file that assembles the smaller package as icudtNN_dat.

    python3 icu_data.py LIBRARY OUTPUT.cpp [--list]

The items ICU opens can be listed by running synopsis with ICU_DATA set to an empty
directory under `strace -e trace=newfstatat` (ICU looks for a file of each item's name
before it reads the linked package): brkitr/*.res, word.brk, word_fi_sv.brk, sent.brk,
sent_el.brk, the dictionaries, nfkc.nrm and nfkc_cf.nrm. Case mapping and character
properties are compiled into libicuuc itself.

The package format (ICU's udata.h, ucmndata.h): a data header (uint16 header size,
magic bytes 0xda 0x27, UDataInfo with the format "CmnD"), then the table of contents:
uint32 count, count pairs of uint32 (name offset, data offset) measured from the start
of the table and sorted by name, the names (NUL-terminated), and the items, each
aligned to 16 bytes.
"""

import fnmatch
import pathlib
import struct
import sys

KEEP = [
    "brkitr/*.res",       # per-language break bundles (root, en, de, el, fi, ja, ...)
    "brkitr/word*.brk",   # word rules (word_fi_sv for Finnish and Swedish, word_POSIX)
    "brkitr/sent*.brk",   # sentence rules (sent_el for Greek)
    "brkitr/*.dict",      # words of Chinese, Japanese, Thai, Lao, Khmer, Burmese
    "nfkc.nrm",
    "nfkc_cf.nrm",        # NFKC-casefold (token norms)
]
MAGIC = b"\xda\x27"


def fail(message):
    sys.exit(f"icu_data.py: {message}")


def find_package(blob):
    """Returns (start, header size, endianness) of the first common data package in blob."""
    at = blob.find(b"CmnD")
    while at >= 0:
        start = at - 12  # header size (2), magic (2), UDataInfo size (2), reserved (2), 4 flag bytes
        if start >= 0 and blob[start + 2:start + 4] == MAGIC:
            big_endian = blob[start + 8] == 1
            header_size = struct.unpack_from(">H" if big_endian else "<H", blob, start)[0]
            return start, header_size, ">" if big_endian else "<"
        at = blob.find(b"CmnD", at + 1)
    fail("no ICU common data package (CmnD) found: is this ICU's data library (libicudata)?")


def read_items(blob, start, header_size, order):
    """Returns [(name without the package prefix, bytes)] in table order."""
    toc = start + header_size
    (count,) = struct.unpack_from(order + "I", blob, toc)
    entries = [struct.unpack_from(order + "II", blob, toc + 4 + 8 * i) for i in range(count)]
    offsets = sorted(data for _, data in entries)
    following = dict(zip(offsets, offsets[1:]))
    items = []
    for name_offset, data_offset in entries:
        name_start = toc + name_offset
        name = blob[name_start:blob.index(b"\0", name_start)].decode("ascii")
        end = following.get(data_offset)
        items.append((name, data_offset, end))
    prefix = items[0][0].split("/", 1)[0] + "/"  # icudtNNl/
    kept = []
    for name, data_offset, end in items:
        short = name[len(prefix):]
        if not any(fnmatch.fnmatchcase(short, pattern) for pattern in KEEP):
            continue
        if end is None:  # the last item's length is not recorded anywhere
            fail(f"cannot keep {name}: it is the package's last item")
        kept.append((name, blob[toc + data_offset:toc + end]))
    return prefix, kept


def pack(header, items, order):
    """A common data package holding items (sorted by name, as ICU's binary search expects)."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    data_start = (table_size + len(names) + 15) & ~15
    entries, body, name_at, data_at = [], bytearray(), table_size, data_start
    for name, data in items:
        entries.append(struct.pack(order + "II", name_at, data_at))
        name_at += len(name) + 1
        padded = data + b"\0" * (-len(data) % 16)
        body += padded
        data_at += len(padded)
    table = struct.pack(order + "I", len(items)) + b"".join(entries) + names
    return header + table + b"\0" * (data_start - len(table)) + bytes(body)


def main(argv):
    if len(argv) < 2:
        fail("usage: icu_data.py LIBRARY OUTPUT.cpp [--list]")
    library, output = pathlib.Path(argv[0]), pathlib.Path(argv[1])
    blob = library.read_bytes()
    start, header_size, order = find_package(blob)
    prefix, items = read_items(blob, start, header_size, order)
    if not any(name.endswith("/nfkc_cf.nrm") for name, _ in items):
        fail(f"{library} has no nfkc_cf.nrm: ICU's data was built without normalisation data")
    package = pack(blob[start:start + header_size], items, order)
    symbol = prefix[:-2] + "_dat"  # icudt72l/ -> icudt72_dat
    if "--list" in argv:
        for name, data in items:
            print(f"{len(data):>9} {name}")
    data_file = output.with_name(prefix[:-1] + ".dat")  # icudt72l.dat: ICU's tools read the name
    data_file.write_bytes(package)
    # The assembler includes the bytes (.incbin): no 3 MB array for the compiler to parse.
    output.write_text(f"""// Generated by cmake/icu_data.py from {library.name}: {len(items)} items of ICU's data,
// {len(package)} bytes ({library.name} is {len(blob)} bytes). Do not edit.
// Hidden: ICU's own (possibly non-PIC) references must resolve inside the module.
#if defined(__APPLE__)
#define SYNOPSIS_ICU_SECTION ".const"
#define SYNOPSIS_ICU_SYMBOL "_{symbol}"
#define SYNOPSIS_ICU_HIDDEN ".private_extern "
#else
#define SYNOPSIS_ICU_SECTION ".section .rodata"
#define SYNOPSIS_ICU_SYMBOL "{symbol}"
#define SYNOPSIS_ICU_HIDDEN ".hidden "
#endif
__asm__(SYNOPSIS_ICU_SECTION "\\n"
        ".globl " SYNOPSIS_ICU_SYMBOL "\\n"
        SYNOPSIS_ICU_HIDDEN SYNOPSIS_ICU_SYMBOL "\\n"
        ".balign 16\\n"
        SYNOPSIS_ICU_SYMBOL ":\\n"
        ".incbin \\"{data_file.resolve().as_posix()}\\"\\n"
        ".previous\\n");
""", encoding="utf-8")
    print(f"ICU data for synopsis: {len(items)} of ICU's items, {len(package) / 1e6:.1f} MB of {len(blob) / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
