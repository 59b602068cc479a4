#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the application icons.

Usage: check-icons.py APP_ICON SYMBOLIC_ICON

The full-colour icon must be a 128×128 SVG. The symbolic icon must be a 16×16 SVG
drawn only with fills in #2e3436: GTK recolours symbolic icons by overriding the
fill of rect, circle and path elements, so a stroke, a second colour, text or an
embedded bitmap would not follow the theme's foreground colour.
"""

import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SYMBOLIC_COLOUR = "#2e3436"
SHAPES = {"path", "rect", "circle", "ellipse", "polygon", "polyline", "line"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def paint_values(element):
    """The fill/stroke values set on an element, from attributes and the style attribute."""
    values = {}
    for prop in ("fill", "stroke"):
        if prop in element.attrib:
            values[prop] = element.attrib[prop].strip().lower()
    for decl in element.attrib.get("style", "").split(";"):
        if ":" in decl:
            prop, value = (part.strip().lower() for part in decl.split(":", 1))
            if prop in ("fill", "stroke"):
                values[prop] = value
    return values


def check_size(root, path, size, errors):
    if local(root.tag) != "svg" or not root.tag.startswith(SVG):
        errors.append(f"{path}: the root element is not an SVG <svg>")
        return
    view_box = [float(v) for v in re.split(r"[\s,]+", root.attrib.get("viewBox", "").strip())
                if v]
    if view_box != [0, 0, size, size]:
        errors.append(f"{path}: viewBox is {root.attrib.get('viewBox')!r}, "
                      f"expected '0 0 {size} {size}'")
    for attr in ("width", "height"):
        value = root.attrib.get(attr, "").replace("px", "")
        if value and float(value) != size:
            errors.append(f"{path}: {attr} is {root.attrib[attr]!r}, expected {size}")


def check_common(root, path, errors):
    for element in root.iter():
        name = local(element.tag)
        if name in ("image", "text", "script", "foreignObject"):
            errors.append(f"{path}: contains a <{name}> element")
        for attr, value in element.attrib.items():
            if local(attr) == "href" and not value.startswith("#"):
                errors.append(f"{path}: links to {value}")


def check_symbolic(root, path, errors):
    for element in root.iter():
        name = local(element.tag)
        if name in ("linearGradient", "radialGradient", "mask", "clipPath", "filter", "style"):
            errors.append(f"{path}: <{name}> does not survive GTK's symbolic recolouring")
        paint = paint_values(element)
        fill = paint.get("fill")
        stroke = paint.get("stroke")
        if stroke not in (None, "none"):
            errors.append(f"{path}: <{name}> has stroke {stroke!r}; symbolic icons use fills")
        if fill not in (None, "none", SYMBOLIC_COLOUR):
            errors.append(f"{path}: <{name}> has fill {fill!r}, expected {SYMBOLIC_COLOUR}")
        if name in SHAPES and fill is None:
            errors.append(f"{path}: <{name}> has no fill; give it {SYMBOLIC_COLOUR}")
        for attr in ("opacity", "fill-opacity"):
            if attr in element.attrib and float(element.attrib[attr]) < 1:
                errors.append(f"{path}: <{name}> is translucent ({attr})")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    app_icon, symbolic_icon = sys.argv[1:]
    errors = []

    app_root = ET.parse(app_icon).getroot()
    check_size(app_root, app_icon, 128, errors)
    check_common(app_root, app_icon, errors)

    symbolic_root = ET.parse(symbolic_icon).getroot()
    check_size(symbolic_root, symbolic_icon, 16, errors)
    check_common(symbolic_root, symbolic_icon, errors)
    check_symbolic(symbolic_root, symbolic_icon, errors)

    for error in errors:
        print(error)
    if not errors:
        print("app icon: 128×128 SVG; symbolic icon: 16×16 SVG, fills only, "
              f"{SYMBOLIC_COLOUR}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
