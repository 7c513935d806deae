import re, sys, csv
log = open(sys.argv[1] + '.log').read()
ms = [int(m) for m in re.findall(r'Finished task \S+ in stage \S+ \(TID \d+\) in (\d+) ms', log)]
rows = list(csv.DictReader(open(sys.argv[1] + '/results.csv')))
train = sum(float(r['train_seconds']) for r in rows)
print(f"{sys.argv[1]}: {len(ms)} tasks, task time sum {sum(ms)/1000:.1f} s, run train_seconds sum {train:.1f} s, "
      f"per-run task time beyond training {(sum(ms)/1000-train)/len(ms):.2f} s; median task {sorted(ms)[len(ms)//2]/1000:.2f} s")
