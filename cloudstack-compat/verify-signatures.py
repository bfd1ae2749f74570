#!/usr/bin/env python3
"""Checks the compile-only stand-ins against javap output of the real CloudStack jars.

Usage: verify-signatures.py <compat classes dir> [<real signatures file>] [--real-classpath CP]

Signatures-file mode (no --real-classpath): for every compat class that the signatures file (javap -public of the
real 4.22 jars) also describes, the class header (kind, generics, superclass, interfaces) must be identical and every
public member compat declares must exist in the real class with the same signature. Members compat leaves out are
fine (compat declares a subset); members it invents are errors, because plugin code could compile against them here
and break against real CloudStack. Classes the file does not describe are listed as unchecked.

Real-classpath mode (--real-classpath CP, a java classpath of the real CloudStack jars; may be given more than once,
for example for the -Pcloudstack classpaths of both plugins/vr-scaling and plugins/vr-scaling-kvm, whose KVM plugin
jar has LibvirtComputingResource): every class compat declares is run through `javap -public -cp CP` and compared
with that output instead of the signatures file (which is then not needed), with the same header and member rules;
a compat class the real jars lack is an error. In addition,
compat must declare whole overload sets: for every method name a compat class has (declared or inherited from
another compat class), every overload of that name the real class has (declared or inherited from a real supertype
compat also declares, after substituting type arguments) must be there in compat too. A missing overload is an
error because a call that resolves to one method here can be ambiguous, or resolve to another method, against the
real class (for example GenericDao.remove(ID) next to remove(SearchCriteria<T>): `remove(any())`).
Constructors are not part of this check.

Prints one MISMATCH line per difference and a summary line with counts. Exit status 1 when anything differs,
2 on bad usage.
"""
import os
import re
import subprocess
import sys

HEADER = re.compile(r'^(public |protected )?(abstract |final |static )*(class|interface|enum) (\S+?)(<.*?>)?( .*)?\{$')
METHOD = re.compile(r'([\w$.]+)\(([^()]*)\)(?: throws [^;]*)?;$')


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


def generic_depths(text):
    """Yields (index, character, depth) where depth counts the generic brackets around the character; a bracket
    itself counts as outside its own pair, so the '>' closing a top-level pair comes with depth 0."""
    depth = 0
    for index, ch in enumerate(text):
        if ch == '>':
            depth -= 1
        yield index, ch, depth
        if ch == '<':
            depth += 1


def split_types(text):
    """Splits a comma list of types at top level (not inside generics)."""
    parts, start = [], 0
    for index, ch, depth in generic_depths(text):
        if ch == ',' and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


def top_level_split(text, word):
    """Splits text at the first occurrence of word that is outside generics; returns (head, tail or None)."""
    for index, ch, depth in generic_depths(text):
        if depth == 0 and ch not in '<>' and text.startswith(word, index):
            return text[:index], text[index + len(word):]
    return text, None


def raw_type(type_text):
    return type_text.split('<', 1)[0].strip()


def type_arguments(type_text):
    if '<' not in type_text:
        return []
    return split_types(type_text[type_text.index('<') + 1:type_text.rindex('>')])


def header_parts(header):
    """(is interface, type parameter names, list of supertype texts with their type arguments) of a header line."""
    line = header.rstrip('{').strip()
    kind_match = re.search(r'\b(class|interface|enum) ', line)
    is_interface = kind_match is not None and kind_match.group(1) == 'interface'
    rest = line[kind_match.end():] if kind_match else line
    name_end = len(rest)
    for index, ch in enumerate(rest):
        if ch in '< ':
            name_end = index
            break
    params = []
    after = rest[name_end:]
    if after.startswith('<'):
        for index, ch, depth in generic_depths(after):
            if ch == '>' and depth == 0:
                params = [p.split(' extends ', 1)[0].strip() for p in split_types(after[1:index])]
                after = after[index + 1:]
                break
    supertypes = []
    head, implements = top_level_split(after, ' implements ')
    _, extends = top_level_split(head, ' extends ')
    for clause in (extends, implements):
        if clause:
            supertypes.extend(split_types(clause))
    return is_interface, params, supertypes


def substitute(text, mapping):
    if not mapping:
        return text
    return re.sub(r'(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$.])', lambda m: mapping.get(m.group(1), m.group(1)), text)


def method_key(line):
    """(name, parameter list) of a method member line; None for fields, constructors and initializers."""
    match = METHOD.search(line)
    if not match or '.' in match.group(1):
        return None
    return match.group(1), match.group(2)


def visible_methods(name, blocks, cache):
    """Maps (method name, parameter list) to the member line and its declaring class for every method a class
    declares or inherits from the supertypes the same blocks describe (type arguments substituted)."""
    if name in cache:
        return cache[name]
    cache[name] = {}
    header, members = blocks[name]
    _, _, supertypes = header_parts(header)
    result = {}
    for supertype in supertypes:
        super_name = raw_type(supertype)
        if super_name not in blocks:
            continue
        super_is_interface, super_params, _ = header_parts(blocks[super_name][0])
        arguments = type_arguments(supertype)
        mapping = dict(zip(super_params, arguments)) if len(arguments) == len(super_params) else {}
        for (method, params), (line, owner) in visible_methods(super_name, blocks, cache).items():
            if super_is_interface and ' static ' in ' ' + line:
                continue
            result.setdefault((method, substitute(params, mapping)), (line, owner))
    for line in members:
        key = method_key(line)
        if key:
            result[key] = (line, name)
    cache[name] = result
    return result


def compat_classes(root):
    names = []
    for base, _, files in os.walk(root):
        for name in files:
            if name.endswith('.class') and name != 'module-info.class':
                rel = os.path.relpath(os.path.join(base, name), root)
                names.append(rel[:-len('.class')].replace(os.sep, '.'))
    return sorted(names)


def javap(classpath, names, check):
    result = subprocess.run(['javap', '-public', '-cp', classpath] + names, capture_output=True, text=True,
                            check=check, timeout=600)
    return result.stdout


def inherited_abstract(name, blocks):
    """(name, parameters) of the abstract methods a class inherits from the supertypes the blocks describe."""
    header = blocks[name][0]
    keys = set()
    for supertype in header_parts(header)[2]:
        super_name = raw_type(supertype)
        if super_name in blocks:
            keys.update(key for key, (line, _) in visible_methods(super_name, blocks, {}).items()
                        if ' abstract ' in ' ' + line)
    return keys


def compare_members(compat, real, names, errors, abridged_file=False):
    """Header and members of each class; abridged_file: the signatures file abridges LibvirtComputingResource, so
    there its compat stand-in may also declare the implementations of abstract methods it inherits (a concrete
    class has them); the real-classpath mode checks those against the real class too."""
    for name in names:
        header, members = compat[name]
        real_header, real_members = real[name]
        abridged = abridged_file and 'LibvirtComputingResource' in name
        if header != real_header and not abridged:
            errors.append('%s: header differs\n    compat: %s\n    real:   %s' % (name, header, real_header))
        implemented = inherited_abstract(name, compat) if abridged else set()
        for member in sorted(members - real_members):
            if method_key(member) in implemented:
                continue
            errors.append('%s: not in the real class: %s' % (name, member))


def compare_overloads(compat, real, names, errors):
    """Counts the method names compared; appends a 'missing overload' error per real overload compat lacks.

    A real overload inherited from a supertype that compat also declares, with the name visible there, is reported
    once, at that supertype (e.g. GenericDao), not again for every compat subtype."""
    compat_cache, real_cache, compared = {}, {}, 0
    for name in names:
        compat_methods = visible_methods(name, compat, compat_cache)
        real_methods = visible_methods(name, real, real_cache)
        method_names = sorted({method for method, _ in compat_methods})
        compared += len(method_names)
        for method in method_names:
            for key in sorted(k for k in real_methods if k[0] == method and k not in compat_methods):
                line, owner = real_methods[key]
                if owner != name and owner in compat and owner in real and any(
                        m == method for m, _ in visible_methods(owner, compat, compat_cache)):
                    continue
                where = '' if owner == name else ' (declared in %s)' % owner
                errors.append('%s: missing overload %s(%s)%s: %s' % (name, key[0], key[1], where, line))
    return compared


def main(argv):
    args = list(argv[1:])
    real_classpath = None
    while '--real-classpath' in args:
        index = args.index('--real-classpath')
        if index + 1 >= len(args) or not args[index + 1].strip():
            print(__doc__)
            return 2
        parts = [real_classpath] if real_classpath else []
        real_classpath = os.pathsep.join(parts + [args[index + 1].strip()])
        del args[index:index + 2]
    if len(args) not in (1, 2) or (real_classpath is None and len(args) != 2):
        print(__doc__)
        return 2
    classes_dir = args[0]
    names = compat_classes(classes_dir)
    compat = parse_blocks(javap(classes_dir, names, True))

    errors = []
    if real_classpath is None:
        with open(args[1], encoding='utf-8') as handle:
            real = parse_blocks(handle.read())
        checked = sorted(name for name in compat if name in real)
        unchecked = sorted(name for name in compat if name not in real)
        compare_members(compat, real, checked, errors, abridged_file=True)
        for error in errors:
            print('MISMATCH ' + error)
        print('compat signatures: %d classes checked against real javap output, %d not described there (unchecked), '
              '%d mismatches%s' % (len(checked), len(unchecked), len(errors), '' if os.environ.get('VERBOSE')
                                      else ' (VERBOSE=1 lists the unchecked)'))
        if unchecked and os.environ.get('VERBOSE'):
            print('unchecked: ' + ', '.join(unchecked))
        return 1 if errors else 0

    # javap exits non-zero when a class is missing but still prints the others.
    real = parse_blocks(javap(real_classpath, sorted(compat), False))
    missing_classes = sorted(name for name in compat if name not in real)
    for name in missing_classes:
        errors.append('%s: not in the real jars (is the jar that has it on --real-classpath? LibvirtComputingResource '
                      'is in cloud-plugin-hypervisor-kvm)' % name)
    checked = sorted(name for name in compat if name in real)
    compare_members(compat, real, checked, errors)
    member_errors = len(errors) - len(missing_classes)
    compared = compare_overloads(compat, real, checked, errors)
    overload_errors = len(errors) - len(missing_classes) - member_errors
    for error in errors:
        print('MISMATCH ' + error)
    print('compat signatures: %d classes checked against the real jars (javap -public), %d method names with their '
          'overload sets; %d mismatches (%d classes missing from the real jars, %d header/member differences, '
          '%d missing overloads)' % (len(checked), compared, len(errors), len(missing_classes), member_errors,
                                     overload_errors))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
