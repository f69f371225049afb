"""Reading a rendered kustomize overlay: the objects, the server container,
its mounted files and its flags. Shared by the deploy tests."""

import os
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:  # Debian's python3-yaml, installed by scripts/setup.sh
    print("FAIL: python3-yaml missing (run scripts/setup.sh)", file=sys.stderr)
    sys.exit(1)

SKIP = 77


def kubectl_or_skip(kubectl):
    """Returns kubectl's path, or exits 77 when there is none or its
    kustomize predates the syntax deploy/ uses (patches, labels: v4+)."""
    path = shutil.which(kubectl) if not os.path.isabs(kubectl) else kubectl
    if path is None or not os.access(path, os.X_OK):
        print(f"SKIP: no kubectl ({kubectl})")
        sys.exit(SKIP)
    version = subprocess.run([path, "version", "--client"],
                             capture_output=True, text=True).stdout
    for line in version.splitlines():
        if line.startswith("Kustomize Version: v"):
            major = line.split("v", 1)[1].split(".")[0]
            if major.isdigit() and int(major) < 4:
                print(f"SKIP: {path} embeds kustomize {line.split()[-1]}; "
                      f"deploy/ needs v4 or later")
                sys.exit(SKIP)
    return path


def render(kubectl, overlay):
    """The objects `kubectl kustomize overlay` renders."""
    result = subprocess.run([kubectl, "kustomize", overlay],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"FAIL: kubectl kustomize {overlay}:\n"
                         f"{result.stderr}")
    return [o for o in yaml.safe_load_all(result.stdout) if o]


def only(objects, kind, predicate=lambda o: True):
    """The one object of `kind` matching `predicate`; fails otherwise."""
    found = [o for o in objects if o["kind"] == kind and predicate(o)]
    if len(found) != 1:
        raise AssertionError(f"expected one {kind}, found {len(found)}")
    return found[0]


def server_container(deployment):
    containers = deployment["spec"]["template"]["spec"]["containers"]
    matching = [c for c in containers if c["name"] == "server"]
    if len(matching) != 1:
        raise AssertionError("the Deployment has no container named server")
    return matching[0]


def mounted_files(objects, deployment):
    """{absolute path in the container: file contents} for every ConfigMap
    key the server container mounts (configMap and projected volumes)."""
    pod = deployment["spec"]["template"]["spec"]
    config_maps = {o["metadata"]["name"]: o for o in objects
                   if o["kind"] == "ConfigMap"}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    files = {}
    for mount in server_container(deployment).get("volumeMounts", []):
        volume = volumes[mount["name"]]
        if "configMap" in volume:
            sources = [{"configMap": volume["configMap"]}]
        elif "projected" in volume:
            sources = volume["projected"]["sources"]
        else:
            raise AssertionError(f"volume {mount['name']}: only ConfigMap "
                                 f"volumes are supported here")
        for source in sources:
            reference = source["configMap"]
            data = config_maps[reference["name"]].get("data", {})
            items = reference.get("items") or [
                {"key": key, "path": key} for key in data]
            for item in items:
                path = os.path.join(mount["mountPath"], item["path"])
                files[path] = data[item["key"]]
    return files


def flagfile_lines(text):
    """The --flag=value lines of an absl flagfile (no comments, blanks)."""
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def effective_flags(container, files):
    """{flag: value} after the container's args and the flagfiles they
    name, later settings winning as absl applies them."""
    flags = {}
    workdir = container.get("workingDir", "/")

    def apply(arguments):
        for argument in arguments:
            if not argument.startswith("--"):
                raise AssertionError(f"not a --flag: {argument}")
            name, _, value = argument[2:].partition("=")
            if name == "flagfile":
                path = os.path.normpath(os.path.join(workdir, value))
                if path not in files:
                    raise AssertionError(f"--flagfile={value}: {path} is "
                                         f"not a mounted file")
                apply(flagfile_lines(files[path]))
            else:
                flags[name] = value

    apply(list(container.get("command", [])[1:]) + container.get("args", []))
    return flags
