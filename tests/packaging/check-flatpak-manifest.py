#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest's identity and sandbox permissions.

Usage: check-flatpak-manifest.py MANIFEST APP_ID COMMAND

The sandbox gets a display, the GPU and IPC, and what the shared desk needs to sync
over git: the network and the ssh agent's socket (credentials come from the agent and
git's credential helpers, never from the host's files). Files the user picks come in
and go out through the file chooser portal.

The GNOME runtime has no git (only the Sdk does), so the manifest builds it as a module
of its own, before the app, from a release archive pinned by its SHA-256.

Spelling needs nothing more either: the GNOME runtime has Enchant 2 with its Hunspell
provider, the dictionaries come from the runtime's Locale extension (its
/usr/share/hunspell links into it, for the languages `flatpak config` installs), and
Enchant writes the personal word list under the sandbox's own XDG_CONFIG_HOME. So the
manifest must not build its own Enchant or Hunspell, which would shadow the runtime's
and find no dictionaries, nor open the host's config folder for the word list.
"""

import json
import os
import re
import sys

EXPECTED_FINISH_ARGS = {
    "--share=ipc",
    "--share=network",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--socket=ssh-auth",
    "--device=dri",
}

# Permissions that would widen the sandbox; listed so that the failure says why.
FORBIDDEN_PREFIXES = (
    "--filesystem",
    "--socket=x11",
    "--socket=session-bus",
    "--socket=system-bus",
    "--socket=pulseaudio",
    "--socket=gpg-agent",
    "--device=all",
    "--talk-name",
    "--system-talk-name",
    "--own-name",
    "--allow",
    "--persist",
    "--env",
)


def check_git_module(module, errors):
    """git from one release archive, pinned, built without what sync never runs."""
    sources = module.get("sources", [])
    if (len(sources) != 1 or not isinstance(sources[0], dict)
            or sources[0].get("type") != "archive"):
        errors.append("the git module must build from one 'archive' source")
        return
    source = sources[0]
    url = source.get("url", "")
    if not re.fullmatch(r"https://www\.kernel\.org/pub/software/scm/git/git-\d+\.\d+\.\d+"
                        r"\.tar\.xz", url):
        errors.append(f"the git module's url {url!r} is not a git release on kernel.org")
    if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
        errors.append("the git module's archive must be pinned by its sha256")
    commands = " ".join(module.get("build-commands", []))
    for flag in ("prefix=/app", "NO_TCLTK=1", "NO_PERL=1", "NO_PYTHON=1"):
        if flag not in commands:
            errors.append(f"the git module must build with {flag}")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    manifest_path, app_id, command = sys.argv[1:]
    errors = []

    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    ids = [manifest[key] for key in ("id", "app-id") if key in manifest]
    if len(ids) != 1:
        errors.append("the manifest must set exactly one of \"id\" and \"app-id\"")
    elif ids[0] != app_id:
        errors.append(f"application ID is {ids[0]!r}, expected {app_id!r}")

    if manifest.get("command") != command:
        errors.append(f"command is {manifest.get('command')!r}, expected {command!r}")
    if manifest.get("runtime") != "org.gnome.Platform":
        errors.append(f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    if manifest.get("sdk") != "org.gnome.Sdk":
        errors.append(f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")
    if not isinstance(manifest.get("runtime-version"), str):
        errors.append("runtime-version must be a string such as \"50\"")

    finish_args = manifest.get("finish-args", [])
    if len(finish_args) != len(set(finish_args)):
        errors.append("finish-args lists a permission twice")
    for arg in finish_args:
        if arg.startswith(FORBIDDEN_PREFIXES):
            errors.append(f"finish-args must not contain {arg}")
    if set(finish_args) != EXPECTED_FINISH_ARGS:
        errors.append(f"finish-args are {sorted(finish_args)}, "
                      f"expected exactly {sorted(EXPECTED_FINISH_ARGS)}")

    modules = manifest.get("modules", [])
    for m in modules:
        name = m.get("name", "") if isinstance(m, dict) else str(m)
        if any(part in name.lower() for part in ("enchant", "hunspell")):
            errors.append(f"module {name!r}: spelling uses the runtime's Enchant and "
                          "the Locale extension's dictionaries")
    names = [m.get("name") if isinstance(m, dict) else str(m) for m in modules]
    if names != ["git", "verdict-desk"]:
        errors.append(f"modules are {names}, expected exactly ['git', 'verdict-desk']: "
                      "git, which the runtime lacks, then the app")
    else:
        check_git_module(modules[0], errors)
    app_modules = [m for m in modules if isinstance(m, dict)
                   and m.get("name") == "verdict-desk"]
    if len(app_modules) != 1 or modules[-1] is not app_modules[0]:
        errors.append("the last module must be the one named 'verdict-desk'")
    else:
        module = app_modules[0]
        if module.get("buildsystem") != "meson":
            errors.append("the verdict-desk module must use buildsystem 'meson'")
        sources = module.get("sources", [])
        dirs = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir"]
        if len(dirs) != 1:
            errors.append("the verdict-desk module must build from one 'dir' source")
        else:
            source_dir = os.path.normpath(
                os.path.join(os.path.dirname(os.path.abspath(manifest_path)), dirs[0]["path"]))
            if not os.path.isfile(os.path.join(source_dir, "meson.build")):
                errors.append(f"the 'dir' source {dirs[0]['path']!r} resolves to "
                              f"{source_dir}, which has no meson.build")

    for error in errors:
        print(f"{manifest_path}: {error}")
    if not errors:
        print(f"{os.path.basename(manifest_path)}: {app_id} runs {command} on "
              f"{manifest['runtime']}//{manifest['runtime-version']} with "
              f"{' '.join(finish_args)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
