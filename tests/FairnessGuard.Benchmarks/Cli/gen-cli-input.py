#!/usr/bin/env python3
# Writes the CLI throughput input of docs/benchmarks.md ("CLI throughput (issue 16)"): N rows of group,score,label,
# group uniform over a-d, score N(0.4 + 0.05 g, 0.15) with 6 decimals, label ~ Bernoulli(score). Usage: gen-cli-input.py N FILE
import sys, random
n=int(sys.argv[1]); out=sys.argv[2]
random.seed(7)
gs=['a','b','c','d']
with open(out,'w') as f:
    f.write('group,score,label\n')
    w=f.write
    for i in range(n):
        g=random.randrange(4)
        s=random.gauss(0.4+0.05*g,0.15)
        l=1 if random.random()<s else 0
        w(f'{gs[g]},{s:.6f},{l}\n')
