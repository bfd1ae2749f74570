#!/usr/bin/env python3
"""Checks the compile-only stand-ins against javap output of the real CloudStack jars.

Usage: verify-signatures.py <compat classes dir> <real signatures file>

For every compat class that the signatures file also describes, the class header (kind, generics, superclass,
interfaces) must be identical and every public member compat declares must exist in the real class with the same
signature. Members compat leaves out are fine (compat declares a subset); members it invents are errors, because
plugin code could compile against them here and break against real CloudStack. Classes the file does not describe
are listed as unchecked. Exit status 1 when anything differs.
"""
import os
import re
import subprocess
import sys

HEADER = re.compile(r'^(public |protected )?(abstract |final |static )*(class|interface|enum) (\S+?)(<.*?>)?( .*)?\{$')


def parse_blocks(text):
    """Maps class name to (header, set of member lines) for javap -public style text."""
    blocks = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith('Compiled from') or line.startswith('//') or line.startswith('#'):
            continue
        match = HEADER.match(line)
        if match and current is None:
            current = match.group(4)
            blocks[current] = (normalize_header(line), set())
            continue
        if line == '}':
            current = None
            continue
        if current is not None:
            blocks[current][1].add(line)
    return blocks


def normalize_header(line):
    """Interfaces may be listed in any order; everything else must match exactly."""
    line = line.rstrip('{').strip()
    for keyword in (' implements ', ' extends '):
        if keyword in line and keyword == ' implements ':
            head, tail = line.split(keyword, 1)
            return head + keyword + ','.join(sorted(split_types(tail)))
    if line.split(' ')[1:2] == ['interface'] or ' interface ' in line:
        if ' extends ' in line:
            head, tail = line.split(' extends ', 1)
            return head + ' extends ' + ','.join(sorted(split_types(tail)))
    return line


def split_types(text):
    """Splits a comma list of types at top level (not inside generics)."""
    parts, depth, current = [], 0, ''
    for ch in text:
        if ch == '<':
            depth += 1
        elif ch == '>':
            depth -= 1
        if ch == ',' and depth == 0:
            parts.append(current.strip())
            current = ''
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def compat_classes(root):
    names = []
    for base, _, files in os.walk(root):
        for name in files:
            if name.endswith('.class') and name != 'module-info.class':
                rel = os.path.relpath(os.path.join(base, name), root)
                names.append(rel[:-len('.class')].replace(os.sep, '.'))
    return sorted(names)


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    classes_dir, signatures_file = argv[1], argv[2]
    names = compat_classes(classes_dir)
    javap = subprocess.run(['javap', '-public', '-cp', classes_dir] + names, capture_output=True, text=True,
                           check=True, timeout=300)
    compat = parse_blocks(javap.stdout)
    with open(signatures_file, encoding='utf-8') as handle:
        real = parse_blocks(handle.read())

    errors, checked, unchecked = [], 0, []
    for name, (header, members) in sorted(compat.items()):
        if name not in real:
            unchecked.append(name)
            continue
        checked += 1
        real_header, real_members = real[name]
        abridged = 'LibvirtComputingResource' in name
        if header != real_header and not abridged:
            errors.append('%s: header differs\n    compat: %s\n    real:   %s' % (name, header, real_header))
        for member in sorted(members - real_members):
            errors.append('%s: not in the real class: %s' % (name, member))
    for error in errors:
        print('MISMATCH ' + error)
    print('compat signatures: %d classes checked against real javap output, %d not described there (unchecked), '
          '%d mismatches%s' % (checked, len(unchecked), len(errors), '' if os.environ.get('VERBOSE')
                                  else ' (VERBOSE=1 lists the unchecked)'))
    if unchecked and os.environ.get('VERBOSE'):
        print('unchecked: ' + ', '.join(unchecked))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
