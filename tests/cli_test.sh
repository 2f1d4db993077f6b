#!/usr/bin/env bash
# End-to-end tests of the emend command line. Usage: cli_test.sh EMEND SHARED_DIR
# Prints "N passed, M failed" and exits non-zero if any check failed.
set -u
EMEND=$1
SHARED=${2:-}
SEED="$SHARED/seed/000_3fbe87ca9b76d9da.txt"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@" >"$T/out.log" 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $name"; sed 's/^/  /' "$T/out.log" | head -20; fi
}
expect_exit() {  # expect_exit CODE COMMAND...
  local code=$1; shift
  "$@" >/dev/null 2>&1; [ $? -eq "$code" ]
}

check "help" bash -c "$EMEND --help | grep -q fix && $EMEND fix --help | grep -q -- --jsonl && $EMEND apply --help | grep -q -- --invert && $EMEND eval --help | grep -q -- --cmd"
check "version" bash -c "$EMEND --version | grep -q '^emend [0-9]'"
check "usage error exits 2" expect_exit 2 $EMEND fix --no-such-flag
check "several inputs without --out exits 2" expect_exit 2 $EMEND fix a b
check "missing input exits 1" expect_exit 1 $EMEND fix /nonexistent/file
check "empty input" bash -c "printf '' | $EMEND fix | cmp - /dev/null"
check "-o /dev/null stays a device" bash -c "printf 'x\n' | $EMEND fix -o /dev/null && printf 'x\n' > $T/x.txt && $EMEND collate $T/x.txt $T/x.txt -o /dev/null; [ -c /dev/null ]"
check "stdin filter" bash -c "printf 'June third,he led.' | $EMEND fix | grep -qx 'June third, he led.'"

if [ -f "$SEED" ]; then
  check "seed: caps-lock and spacing" bash -c "$EMEND fix '$SEED' > $T/seed.txt && head -c 120 $T/seed.txt | grep -q '^Stalin exiled his political rival, Leon Trotsky, to Kazakhstan' && grep -q 'June third, he led' $T/seed.txt"
  check "seed: json -> apply gives the same text" bash -c "$EMEND fix --json '$SEED' > $T/seed.json && $EMEND apply --edits $T/seed.json '$SEED' | cmp - $T/seed.txt"
  check "seed: invert gives the seed back" bash -c "$EMEND apply --invert --edits $T/seed.json $T/seed.txt | cmp - '$SEED'"
  check "seed: idempotent" bash -c "$EMEND fix $T/seed.txt | cmp - $T/seed.txt"
  check "seed: apply refuses another text" expect_exit 1 $EMEND apply --edits $T/seed.json $T/seed.txt
  check "seed: explain" bash -c "$EMEND fix --explain '$SEED' | grep -q '^0:6 case  \"sTALIN\" -> \"Stalin\"'"
  check "seed: word corrections" bash -c "$EMEND fix '$SEED' > $T/seedc.txt && grep -q 'it might seem that all was lost' $T/seedc.txt && grep -q 'street lamps was' $T/seedc.txt && grep -q 'will have to be discussed' $T/seedc.txt && grep -q 'will inevitably be filled' $T/seedc.txt && grep -q 'at the boarding house' $T/seedc.txt && grep -q 'The KGB killed him' $T/seedc.txt"
  check "seed: --no-correct leaves words" bash -c "$EMEND fix --no-correct '$SEED' | grep -q 'that alf was lost'"
  check "seed: suggest lists hoarding -> boarding" bash -c "$EMEND fix --suggest '$SEED' | grep -q '\"hoarding\" -> \"boarding\"'"
  check "threads give identical output" bash -c "cat '$SEED' '$SEED' '$SEED' > $T/big.txt; for i in 1 2 3 4 5 6; do cat $T/big.txt; done > $T/big2.txt; $EMEND fix --json --threads 1 $T/big2.txt > $T/t1 && $EMEND fix --json --threads 4 $T/big2.txt > $T/t4 && cmp $T/t1 $T/t4"
fi

# Invalid UTF-8 passes through byte-exact and is reported.
printf 'caf\xff bad,he \xc3\n' > "$T/bad.txt"
check "invalid utf-8 passes through" bash -c "$EMEND fix $T/bad.txt 2>$T/err | od -c | grep -q '377' && grep -q 'invalid UTF-8' $T/err"
check "invalid utf-8 in json is lossless" bash -c "$EMEND fix --json $T/bad.txt > $T/bad.json && grep -q text_b64 $T/bad.json && grep -q '\"first_offset\":3' $T/bad.json && $EMEND apply --invert --edits $T/bad.json <($EMEND fix $T/bad.txt 2>/dev/null) | cmp - $T/bad.txt"

# JSONL: fixed, malformed and field-less lines all come out, in order.
printf '%s\n' '{"id":1,"text":"third,he","x":[1, 2]}' 'garbage line' '{"id":2,"body":"a,b"}' '' '{"id":3,"text":"ok"}' > "$T/in.jsonl"
check "jsonl passes lines through" bash -c "$EMEND fix --jsonl $T/in.jsonl > $T/out.jsonl 2>$T/err && [ \$(wc -l < $T/out.jsonl) -eq 5 ] && sed -n 2p $T/out.jsonl | grep -qx 'garbage line' && sed -n 3p $T/out.jsonl | grep -qx '{\"id\":2,\"body\":\"a,b\"}' && head -1 $T/out.jsonl | grep -q '\"text\":\"third, he\",\"x\":\[1, 2\],\"emend\":' && grep -q '1 malformed' $T/err"
check "jsonl threads identical" bash -c "for i in \$(seq 300); do cat $T/in.jsonl; done > $T/many.jsonl; $EMEND fix --jsonl --threads 3 $T/many.jsonl | cmp - <($EMEND fix --jsonl $T/many.jsonl)"

# Directory mode.
mkdir -p "$T/dir/sub" && printf 'a,bb cc,dd\n' > "$T/dir/one.txt" && printf 'no change\n' > "$T/dir/sub/two.txt"
check "directory with --out" bash -c "$EMEND fix --out $T/res $T/dir 2>/dev/null && grep -q 'a,bb cc, dd' $T/res/one.txt && cmp $T/dir/sub/two.txt $T/res/sub/two.txt && grep -q '\"inputs\": 2' $T/res/emend-summary.json"
check "directory with a failing input exits 1" expect_exit 1 $EMEND fix --out $T/res2 $T/dir /nonexistent

# CRLF, BOM, tabs, form feeds kept.
printf '\xef\xbb\xbfOne.\r\nTwo\tcols\f\r\n' > "$T/crlf.txt"
check "layout bytes kept" bash -c "$EMEND fix $T/crlf.txt | cmp - $T/crlf.txt"

# The offset invariant with word correction on: binary input and shuffled OCR-like words.
head -c 200000 "$EMEND" > "$T/bin.dat"
check "correction round trip on binary input" bash -c "$EMEND fix --json $T/bin.dat > $T/bin.json 2>/dev/null && $EMEND fix $T/bin.dat > $T/bin.out 2>/dev/null && $EMEND apply --edits $T/bin.json $T/bin.dat | cmp - $T/bin.out && $EMEND apply --invert --edits $T/bin.json $T/bin.out | cmp - $T/bin.dat"
printf 'Tbe hoarding bouse was fuli of rnen, and alf tbe lampswas lit. Mancbester repiied tbat he waa there.\n' > "$T/ocr.txt"
for i in 1 2 3 4 5; do cat "$T/ocr.txt" "$T/ocr.txt" | tr ' ' '\n' | sort -R --random-source=<(yes) | tr '\n' ' ' >> "$T/ocr2.txt"; echo >> "$T/ocr2.txt"; done
check "correction round trip on shuffled OCR words" bash -c "$EMEND fix --json $T/ocr2.txt > $T/o.json && $EMEND fix $T/ocr2.txt > $T/o.out && ! cmp -s $T/o.out $T/ocr2.txt && $EMEND apply --edits $T/o.json $T/ocr2.txt | cmp - $T/o.out && $EMEND apply --invert --edits $T/o.json $T/o.out | cmp - $T/ocr2.txt"

# Word correction switches.
printf 'tbe\n' > "$T/lex.txt"
check "corrects a misread, keeping case" bash -c "printf 'Tbe house was full of men.\n' | $EMEND fix - | grep -qx 'The house was full of men.'"
check "lexicon protects a word" bash -c "printf 'Tbe house was full of men.\n' | $EMEND fix --lexicon $T/lex.txt - | grep -qx 'Tbe house was full of men.'"
check "protect regex" bash -c "printf 'Tbe house was full of men.\n' | $EMEND fix --protect '[Tt]be' - | grep -qx 'Tbe house was full of men.'"
check "bad protect regex is a usage error" bash -c "printf 'x' | $EMEND fix --protect '(' - 2>$T/err; [ \$? -ne 0 ] && grep -q 'protect' $T/err"
check "suggest with --json keeps the text" bash -c "printf 'Tbe house was full.\n' | $EMEND fix --suggest --json - | grep -q '\"suggestions\"'"

# Language model: train, inspect, measure, use, and refuse damaged files.
mkdir -p "$T/corpus/sub"
printf 'The ship sailed from London in the spring.\nThe captain was a careful man.\n\nIn London the merchants waited.\n' > "$T/corpus/a.txt"
printf 'The captain wrote to the merchants of London in 1842.\n' > "$T/corpus/sub/b.txt"
printf 'The ship came home.\n' > "$T/corpus/held.txt"
printf '# held out\nheld.txt\n' > "$T/held.list"
check "train writes a model" bash -c "$EMEND train -q --corpus $T/corpus --exclude-list $T/held.list --min-count 1 --out $T/m.emlm && [ -s $T/m.emlm ] && ! ls $T/m.emlm.tmp.* 2>/dev/null"
check "model info" bash -c "$EMEND model info --model $T/m.emlm | grep -q '\"files\": 2'"
check "model perplexity" bash -c "$EMEND model perplexity --model $T/m.emlm $T/corpus/held.txt | grep -q 'perplexity [0-9]'"
check "fix names the model with --verbose" bash -c "printf 'x\n' | $EMEND fix --verbose --model $T/m.emlm - 2>&1 >/dev/null | grep -q 'model:$T/m.emlm'"
check "EMEND_MODEL overrides" bash -c "printf 'x\n' | EMEND_MODEL=$T/m.emlm $EMEND fix --verbose - 2>&1 >/dev/null | grep -q 'model:$T/m.emlm'"
head -c 200 "$T/m.emlm" > "$T/cut.emlm"
check "truncated model: clear error, exit 1" bash -c "printf 'x' | $EMEND fix --model $T/cut.emlm - 2>$T/err; [ \$? -eq 1 ] && grep -q 'cut.emlm' $T/err"
check "train on nothing usable fails and writes nothing" bash -c "mkdir -p $T/empty && printf '' > $T/empty/e.txt && ! $EMEND train -q --corpus $T/empty --out $T/none.emlm 2>$T/err && grep -q 'no usable text' $T/err && [ ! -e $T/none.emlm ]"
check "model index on an indexed model is a no-op copy" bash -c "$EMEND model index $T/m.emlm -o $T/m2.emlm && cmp $T/m.emlm $T/m2.emlm"

# Damage simulator, lacunae, TEI (issue 5).
SCHEMA="$SHARED/schemas/tei_all.rng"
printf 'He was born in 1879 on the coast. "Come here," she said, and he came (slowly, as always).\nIn the summer of 1917 the majority, 2,000 strong, left. It'"'"'s late: "Go now." They went.\n\nThe 2nd of May was cold; we paid $5 for 3 loaves (a fortune) and walked on.\n' > "$T/clean.txt"
check "damage: gold log gives the clean text back" bash -c "$EMEND damage $T/clean.txt --ops seedlike,ocr=0,seed=4 -o $T/dam.txt --gold $T/gold.json && $EMEND apply --edits $T/gold.json $T/dam.txt | cmp - $T/clean.txt"
check "damage: digits=1 strips every digit" bash -c "$EMEND damage $T/clean.txt --ops digits=1 | grep -q '[0-9]' && exit 1 || true"
check "damage: bad spec exits 1" expect_exit 1 $EMEND damage $T/clean.txt --ops digits=7
check "eval scores gaps per reason" bash -c "$EMEND damage $T/clean.txt --ops lacunae -o $T/dam2.txt --gold $T/gold2.json && $EMEND eval $T/dam2.txt --gold $T/gold2.json | grep -q '^  numeral'"
check "fix --mark-gaps marks, plain fix inserts nothing" bash -c "$EMEND damage $T/clean.txt --ops digits=1 -o $T/dam3.txt && $EMEND fix --no-correct --mark-gaps='[GAP]' $T/dam3.txt | grep -q 'The \[GAP\] nd of May' && $EMEND fix --no-correct $T/dam3.txt | cmp - <($EMEND fix --no-correct --no-gaps $T/dam3.txt)"
if command -v jing >/dev/null && [ -f "$SCHEMA" ]; then
  if [ -f "$SEED" ]; then
    check "fix --tei on the seed is valid TEI" bash -c "$EMEND fix --tei '$SEED' > $T/seed.xml && jing '$SCHEMA' $T/seed.xml && grep -q '<choice><sic>alf</sic><corr resp=\"#emend\"' $T/seed.xml && grep -q '<gap reason=' $T/seed.xml"
    check "fix --suggest --tei lists several corr" bash -c "$EMEND fix --suggest --tei '$SEED' > $T/sug.xml && jing '$SCHEMA' $T/sug.xml && grep -q '<sic>hoarding</sic><corr[^>]*>boarding</corr><corr' $T/sug.xml"
  fi
  printf "asking the 'witness any questions. The learned sergeant. sentenced him. He took h~er away, with the remark, \" Really,\" and the members ; but no.\n\nUnder such cir-\ncamstauees he fled.\n" > "$T/stray.txt"
  check "fix --tei with stray marks and a joined misread is valid TEI" bash -c "$EMEND fix --tei $T/stray.txt > $T/stray.xml && jing '$SCHEMA' $T/stray.xml && grep -q \"<sic>'</sic><corr resp=\\\"#emend\\\" cert=\\\"high\\\"></corr>\" $T/stray.xml && grep -q 'circumstances' $T/stray.xml"
  check "fix --tei on binary input is well-formed and valid" bash -c "head -c 3000 /bin/ls > $T/bin.dat; printf '\x01\x02 text \xff\xfe\n\n' >> $T/bin.dat; $EMEND fix --tei $T/bin.dat > $T/bin.xml 2>/dev/null; jing '$SCHEMA' $T/bin.xml && grep -q '<g type=\"byte\" n=\"0xFF\">' $T/bin.xml"
fi

# Collation (issue 6).
check "collate: no digits + no quotations gives the original" bash -c "$EMEND damage $T/clean.txt --ops digits=1 -o $T/b.txt && $EMEND damage $T/clean.txt --ops quotations=1,seed=2 -o $T/w.txt && $EMEND collate $T/b.txt $T/w.txt | cmp - $T/clean.txt"
check "collate --json cites the witness and applies" bash -c "$EMEND collate --json $T/b.txt $T/w.txt > $T/col.json && grep -q '\"witness\":{\"end\"' $T/col.json && $EMEND apply --edits $T/col.json $T/b.txt | cmp - $T/clean.txt && $EMEND apply --invert --edits $T/col.json $T/clean.txt | cmp - $T/b.txt"
if command -v jing >/dev/null && [ -f "$SCHEMA" ]; then
  check "collate --tei is a valid apparatus" bash -c "$EMEND collate --tei $T/b.txt $T/w.txt > $T/app.xml && jing '$SCHEMA' $T/app.xml && grep -q '<listWit>' $T/app.xml && grep -q '<app><lem wit=\"#w\">' $T/app.xml"
fi
check "collate --jsonl restores each line" bash -c "python3 -c \"
import json; c=open('$T/clean.txt').read(); b=open('$T/b.txt').read(); w=open('$T/w.txt').read()
print(json.dumps({'id': 'd1', 'text': b, 'witnesses': [{'id': 'w', 'text': w}], 'other': 7}))
print('not json')\" > $T/in.jsonl; $EMEND collate --jsonl $T/in.jsonl > $T/out.jsonl; [ \$? -eq 1 ] && python3 -c \"
import json; l=open('$T/out.jsonl').read().split('\n'); j=json.loads(l[0]); assert j['text']==open('$T/clean.txt').read() and j['other']==7 and j['emend']['edits']; assert l[1]=='not json'\""
check "collate: a different text is reported, not aligned" bash -c "printf 'Completely different words about other matters entirely, with nothing in common at all here.\n' > $T/other.txt; $EMEND collate $T/b.txt $T/other.txt > $T/o.txt 2>$T/err; [ \$? -eq 1 ] && grep -q 'no alignment' $T/err && cmp $T/o.txt $T/b.txt"
check "collate: empty witness and no witness" bash -c "printf '' > $T/empty.txt; $EMEND collate $T/b.txt $T/empty.txt >/dev/null 2>$T/err; [ \$? -eq 1 ] && grep -q 'no alignment' $T/err && ! $EMEND collate $T/b.txt 2>/dev/null"
check "collate: invalid UTF-8 passes through" bash -c "printf 'Born in on the \xff coast, he said and left the house by the river.\n' > $T/ib.txt; printf 'Born in 1879 on the coast, he said and left the house by the river.\n' > $T/iw.txt; $EMEND collate $T/ib.txt $T/iw.txt > $T/io.txt && od -c $T/io.txt | grep -q '377' && grep -aq 'in 1879 on' $T/io.txt"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
