import csv, sys
def load(p):
    return {(r['task'], r['model'], r['config'], r['seed']): r for r in csv.DictReader(open(p + '/results.csv'))}
a, b = load(sys.argv[1]), load(sys.argv[2])
print(len(a), len(b), 'same keys' if a.keys() == b.keys() else 'KEYS DIFFER')
diff = [k for k in a if k in b and a[k]['metric_value'] != b[k]['metric_value']]
print('metric differs for', len(diff), ':', [(k[0], k[1], a[k]['metric_value'], b[k]['metric_value']) for k in diff])
print('train_seconds sum', round(sum(float(r['train_seconds']) for r in a.values()), 1), round(sum(float(r['train_seconds']) for r in b.values()), 1))
