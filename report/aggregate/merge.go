package aggregate

// Merge folds o into a, as if a's documents had been followed by o's. Counts,
// histograms and the worst documents combine exactly; examples keep a's first; the
// domain map is exact until it has to be pruned (see DomainStats).
func (a *Aggregate) Merge(o *Aggregate) {
	a.CheckedRules = unionSorted(a.CheckedRules, o.CheckedRules)
	a.Documents += o.Documents
	a.Bytes += o.Bytes
	a.Words += o.Words
	a.Findings += o.Findings
	a.Flagged += o.Flagged
	a.Errors += o.Errors
	a.FixedDocs += o.FixedDocs
	a.DroppedDocs += o.DroppedDocs
	a.FixRemovedBytes += o.FixRemovedBytes
	a.FixAddedBytes += o.FixAddedBytes
	a.BoilerplateBytes += o.BoilerplateBytes
	a.Options.Fixes = a.Options.Fixes || o.Options.Fixes
	a.Length.merge(&o.Length)
	a.Boilerplate.merge(&o.Boilerplate)
	for _, name := range sortedKeys(o.Rules) {
		or := o.Rules[name]
		rs := a.Rules[name]
		if rs == nil {
			rs = &RuleStats{Rule: or.Rule, Category: or.Category, Severity: map[string]int64{}}
			a.Rules[name] = rs
		}
		rs.Findings += or.Findings
		rs.Documents += or.Documents
		rs.Fixable += or.Fixable
		for k, v := range or.Severity {
			rs.Severity[k] += v
		}
		rs.Scores = unionSorted(rs.Scores, or.Scores)
		for _, ex := range or.Examples {
			if len(rs.Examples) < a.Options.ExamplesPerRule {
				rs.Examples = append(rs.Examples, ex)
			}
		}
	}
	for _, key := range sortedKeys(o.Scores) {
		os := o.Scores[key]
		st := a.Scores[key]
		if st == nil {
			if len(a.Scores) >= maxScoreNames {
				a.DroppedScores += os.Flagged.N + os.Passing.N
				continue
			}
			st = newScoreStats(os.Name, os.Op, os.Threshold)
			a.Scores[key] = st
		}
		st.Mixed = st.Mixed || os.Mixed || st.Op != os.Op || st.Threshold != os.Threshold
		st.Rules = unionSorted(st.Rules, os.Rules)
		st.Flagged.merge(&os.Flagged)
		st.Passing.merge(&os.Passing)
	}
	a.DroppedScores += o.DroppedScores
	a.Domains.merge(&o.Domains, a.Options.Domains)
	for _, w := range o.Worst {
		c := *w
		a.pushWorst(&c)
	}
}
