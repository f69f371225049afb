#!/usr/bin/python3
"""Checks deploy/Dockerfile's package lists against the built binaries.

Usage: dockerfile_packages_test.py DOCKERFILE SETUP_SH BINARY...

Runtime stage (the last FROM): every Debian package that the binaries
need and that debian:bookworm-slim lacks must be installed, and nothing
else. "Need" means a shared library ldd reports, a file under /usr/share
whose absolute path is compiled into a binary (OpenCC's t2s.json is found
that way), or the data a needed library reads at run time: a package the
library's package Recommends that owns a /usr/share path compiled into the
library (poppler's CMaps in poppler-data, which --no-install-recommends
would leave out); dpkg -S names the package. What the slim image has is
worked out from the dpkg database the way the image is made: debootstrap's
minbase variant, i.e. the Essential and Priority: required packages plus
apt, with everything they depend on.

Build stage (the first FROM): every -dev package scripts/setup.sh installs
(except the test- and benchmark-only ones), and no package setup.sh does
not know.

Exits 0 on success, 77 to skip (not a Debian system), 1 on failure.
"""

import os
import re
import shutil
import subprocess
import sys

# -dev packages setup.sh installs only for tests, benchmarks and sanitizers.
TEST_ONLY_DEV = {"libgtest-dev", "libgmock-dev", "libbenchmark-dev",
                 "libclang-rt-14-dev", "libcairo2-dev", "libpango1.0-dev"}


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def dockerfile_stages(path):
    """Returns the list of stages, each the list of its logical lines."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # Join continuation lines, drop comments.
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#") and not current:
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        if current:
            lines.append(current)
        current = ""
    stages = []
    for line in lines:
        if line.upper().startswith("FROM "):
            stages.append([line])
        elif stages:
            stages[-1].append(line)
    return stages


def apt_installed(stage):
    """Package names given to apt-get install in the stage's RUN lines."""
    packages = []
    for line in stage:
        if not line.upper().startswith("RUN "):
            continue
        for command in re.split(r"&&|;", line[4:]):
            words = command.split()
            if "apt-get" not in words or "install" not in words:
                continue
            after = words[words.index("install") + 1:]
            packages += [w for w in after if not w.startswith("-")]
    return packages


def setup_packages(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"^packages=\((.*?)^\)", text, re.S | re.M)
    if not match:
        fail(f"no packages=(...) list in {path}")
    body = "\n".join(line.split("#")[0] for line in match.group(1).splitlines())
    return set(body.split())


def usr_merged_twins(path):
    """`path`, its real path, and their /usr-merged twins: dpkg knows a
    library under the name its package shipped, /lib or /usr/lib."""
    names = {path, os.path.realpath(path)}
    for name in list(names):
        names.add(name[len("/usr"):] if name.startswith("/usr/") else
                  "/usr" + name)
    return names


def owners(paths):
    """{path: package} for the paths dpkg knows, in one dpkg -S call."""
    names = sorted({n for p in paths for n in usr_merged_twins(p)})
    listing = subprocess.run(["dpkg", "-S"] + names, capture_output=True,
                             text=True).stdout
    by_name = {}
    for line in listing.splitlines():
        package, _, name = line.partition(": ")
        if name in names:
            by_name[name] = package.split(",")[0].split(":")[0].strip()
    found = {}
    for path in paths:
        for name in usr_merged_twins(path):
            if name in by_name:
                found[path] = by_name[name]
    return found


def used_files(binary):
    """{absolute path: why} of the shared libraries ldd lists for `binary`
    and the /usr/share files whose paths are compiled into it."""
    used = {}
    ldd = subprocess.run(["ldd", binary], capture_output=True, text=True,
                         check=True).stdout
    for line in ldd.splitlines():
        if "not found" in line:
            fail(f"{binary}: ldd cannot find {line.split()[0]}")
        match = re.search(r"=>\s*(/\S+)", line) or re.match(r"\s*(/\S+)", line)
        if match:  # linux-vdso has no file
            used[match.group(1)] = f"{os.path.basename(match.group(1))} (ldd)"
    with open(binary, "rb") as f:
        contents = f.read()
    for raw in set(re.findall(rb"/usr/share/[A-Za-z0-9._+/-]+", contents)):
        path = raw.decode()
        if os.path.isfile(path):
            used[path] = f"{path} (compiled-in path)"
    return used


def recommends(package):
    """The packages `package`'s Recommends field names."""
    field = subprocess.run(
        ["dpkg-query", "-W", "-f=${Recommends}", package],
        capture_output=True, text=True).stdout
    return {re.split(r"[\s(:]", alternative.strip())[0]
            for clause in field.split(",") for alternative in clause.split("|")
            if alternative.strip()}


def recommended_data(libraries):
    """{package: why} of the data packages the libraries read: owners of
    the /usr/share paths compiled into a library that its own package
    Recommends."""
    compiled_in = {}
    for library, library_package in libraries.items():
        with open(library, "rb") as f:
            contents = f.read()
        for raw in set(re.findall(rb"/usr/share/[A-Za-z0-9._+-]+", contents)):
            path = raw.decode()
            if os.path.exists(path):
                compiled_in.setdefault(path, []).append(
                    (library, library_package))
    data = {}
    for path, package in owners(list(compiled_in)).items():
        for library, library_package in compiled_in[path]:
            if package in recommends(library_package):
                data.setdefault(package, f"{os.path.basename(library)} reads "
                                         f"{path} (recommended data)")
    return data


def needed_packages(binaries):
    """{package: why} for the files the binaries use."""
    used = {}
    for binary in binaries:
        for path, why in used_files(binary).items():
            used.setdefault(path, f"{os.path.basename(binary)}: {why}")
    packages = owners(list(used))
    needed = {}
    for path, why in sorted(used.items()):
        if path not in packages:
            fail(f"no Debian package owns {path} ({why})")
        needed.setdefault(packages[path], why)
    libraries = {path: packages[path] for path, why in used.items()
                 if why.endswith("(ldd)")}
    for package, why in recommended_data(libraries).items():
        needed.setdefault(package, why)
    return needed


def base_image_packages():
    """Packages debian:bookworm-slim has: the minbase closure."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Essential}\t${Priority}\t"
         "${Pre-Depends}\t${Depends}\t${db:Status-Status}\n"],
        capture_output=True, text=True, check=True).stdout
    depends, seeds = {}, ["apt"]
    for line in out.splitlines():
        name, essential, priority, pre, dep, status = line.split("\t")
        if status != "installed":
            continue
        depends[name] = f"{pre},{dep}"
        if essential == "yes" or priority == "required":
            seeds.append(name)
    closure, stack = set(), seeds
    while stack:
        name = stack.pop()
        if name in closure or name not in depends:
            continue
        closure.add(name)
        for clause in depends[name].split(","):
            for alternative in clause.split("|"):
                dep = re.split(r"[\s(:]", alternative.strip())[0]
                if dep in depends:  # the first installed alternative
                    stack.append(dep)
                    break
    return closure


def main():
    if len(sys.argv) < 4:
        fail("usage: dockerfile_packages_test.py DOCKERFILE SETUP_SH BINARY...")
    dockerfile, setup_sh, binaries = sys.argv[1], sys.argv[2], sys.argv[3:]
    for tool in ("dpkg", "dpkg-query", "ldd"):
        if shutil.which(tool) is None:
            print(f"SKIP: no {tool}: not a Debian system")
            sys.exit(77)

    stages = dockerfile_stages(dockerfile)
    if len(stages) < 2:
        fail(f"{dockerfile}: expected a build stage and a runtime stage")
    runtime_from = stages[-1][0].split()[1]
    if runtime_from != "debian:bookworm-slim":
        fail(f"runtime stage is FROM {runtime_from}, not debian:bookworm-slim")
    listed = apt_installed(stages[-1])
    if len(listed) != len(set(listed)):
        fail(f"runtime stage lists a package twice: {listed}")

    needed = needed_packages(binaries)
    base = base_image_packages()
    in_base = sorted(p for p in needed if p in base)
    required = {p: why for p, why in needed.items() if p not in base}
    print(f"needed beyond bookworm-slim: {sorted(required)}")
    print(f"needed and already in bookworm-slim: {in_base}")

    problems = []
    for package, why in sorted(required.items()):
        if package not in listed:
            problems.append(f"missing from the runtime stage: {package} "
                            f"(for {why})")
    for package in listed:
        if package not in needed:
            problems.append(f"installed in the runtime stage but unused: "
                            f"{package}")
        elif package in base:
            problems.append(f"installed in the runtime stage but "
                            f"bookworm-slim has it: {package}")

    setup = setup_packages(setup_sh)
    build = set(apt_installed(stages[0]))
    for package in sorted(build - setup):
        problems.append(f"build stage installs {package}, which "
                        f"scripts/setup.sh does not")
    for package in sorted(setup):
        if package.endswith("-dev") and package not in TEST_ONLY_DEV and \
                package not in build:
            problems.append(f"build stage lacks {package} from "
                            f"scripts/setup.sh")

    if problems:
        fail("\n  ".join([f"{dockerfile} is out of date:"] + problems))
    print(f"OK: {len(listed)} runtime packages, {len(build)} build packages")


if __name__ == "__main__":
    main()
