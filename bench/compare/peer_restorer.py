#!/usr/bin/env python3
"""A restorer for `emend eval --cmd`: replaces every word that aspell or
hunspell flags with the checker's first suggestion (what users get from a
plain spell checker). Usage: peer_restorer.py aspell|hunspell < text > text"""
import re
import subprocess
import sys

def main():
    tool = sys.argv[1]
    text = sys.stdin.read()
    cmd = ["aspell", "-a", "--lang=en_US"] if tool == "aspell" else ["hunspell", "-a", "-d", "en_US"]
    words = list(re.finditer(r"[A-Za-z]+(?:'[A-Za-z]+)?", text))
    # One word per line, each prefixed with ^ so that it is never read as a command.
    query = "".join("^" + m.group(0) + "\n" for m in words)
    out = subprocess.run(cmd, input=query, capture_output=True, text=True).stdout.split("\n")[1:]
    results, cur = [], None
    for line in out:
        if line == "":
            results.append(cur)
            cur = None
        elif line[0] == "&":
            cur = line.split(": ", 1)[1].split(", ")[0]
        elif line[0] in "*+-#":
            cur = cur
    pieces, last = [], 0
    for m, sugg in zip(words, results):
        pieces.append(text[last:m.start()])
        pieces.append(sugg if sugg and " " not in sugg else m.group(0))
        last = m.end()
    pieces.append(text[last:])
    sys.stdout.write("".join(pieces))

if __name__ == "__main__":
    main()
