package aggregate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Chart geometry, in SVG user units (the charts scale to their column).
const (
	barRowH    = 24.0
	barH       = 16.0
	histW      = 540.0
	histH      = 240.0
	histLeft   = 44.0
	histRight  = 12.0
	histTop    = 30.0
	histBottom = 44.0
)

type barItem struct {
	Label, Class, Tip, Href string
	Value                   int64
}

type barChart struct {
	Title string
	W, H  float64
	Rows  []barRow
}

type barRow struct {
	barItem
	LabelX, X, Y, TextY, W, BarH, ValueX float64
	ValueText                            string
}

// newBarChart lays out a horizontal bar chart width units wide, labels in the first
// labelW units.
func newBarChart(title string, items []barItem, width, labelW float64) *barChart {
	c := &barChart{Title: title, W: width, H: float64(len(items))*barRowH + 6}
	var maxV int64 = 1
	for _, it := range items {
		maxV = max(maxV, it.Value)
	}
	span := width - labelW - 64
	for i, it := range items {
		w := span * float64(it.Value) / float64(maxV)
		if it.Value > 0 {
			w = math.Max(w, 2)
		}
		y := 3 + float64(i)*barRowH + (barRowH-barH)/2
		c.Rows = append(c.Rows, barRow{barItem: it, LabelX: labelW - 8, X: labelW, Y: y, TextY: y + barH/2 + 4, W: w, BarH: barH,
			ValueX: labelW + w + 6, ValueText: fmtInt(it.Value)})
	}
	return c
}

type histChart struct {
	Title, XLabel                       string
	W, H                                float64
	PlotTop, PlotBottom, PlotH          float64
	PlotLeft, PlotRight                 float64
	AxisX, TickY, MarkLabelY, MidX, XLY float64
	Grid                                []gridLine
	Bars                                []histBar
	Ticks                               []tick
	Markers                             []marker
	Shade                               *shade
	Legend                              []legendItem
}

type gridLine struct {
	Y, TextY float64
	Label    string
}

type histBar struct {
	X, W  float64
	Rects []histRect
	Tip   string
}

type histRect struct {
	Y, H  float64
	Class string
}

type tick struct {
	X      float64
	Label  string
	Anchor string
}

type marker struct {
	X, LabelX float64
	Label     string
	Class     string
	Anchor    string
}

type shade struct {
	X, W float64
}

type legendItem struct {
	Class, Label string
}

// histBin is one bar of a histogram chart: its value range, axis label, tooltip and
// counts by class (stacked bottom up).
type histBin struct {
	Lo, Hi     float64
	Label, Tip string
	Counts     []int64
}

// newHistChart lays out bins as equal-width bars, with a tick at the left edge of
// every tickEvery-th bar (none for 0).
func newHistChart(title, xlabel string, bins []histBin, classes []string, tickEvery int) *histChart {
	c := &histChart{Title: title, XLabel: xlabel, W: histW, H: histH, PlotTop: histTop, PlotBottom: histH - histBottom,
		PlotLeft: histLeft, PlotRight: histW - histRight}
	c.PlotH = c.PlotBottom - c.PlotTop
	c.AxisX = c.PlotLeft - 6
	c.TickY = c.PlotBottom + 16
	c.MarkLabelY = c.PlotTop - 10
	c.MidX = (c.PlotLeft + c.PlotRight) / 2
	c.XLY = c.H - 8
	var maxV int64 = 1
	for _, b := range bins {
		var s int64
		for _, n := range b.Counts {
			s += n
		}
		maxV = max(maxV, s)
	}
	top := niceCeil(maxV)
	grid := []int64{0, top}
	if top%2 == 0 {
		grid = []int64{0, top / 2, top}
	}
	for _, g := range grid {
		y := c.PlotBottom - c.PlotH*float64(g)/float64(top)
		c.Grid = append(c.Grid, gridLine{Y: y, TextY: y + 4, Label: compactInt(g)})
	}
	bw := (c.PlotRight - c.PlotLeft) / float64(max(len(bins), 1))
	for i, b := range bins {
		x := c.PlotLeft + float64(i)*bw
		bar := histBar{X: x + 0.75, W: math.Max(bw-1.5, 0.5), Tip: b.Tip}
		y := c.PlotBottom
		var total int64
		for k, n := range b.Counts {
			total += n
			if n == 0 {
				continue
			}
			h := math.Max(c.PlotH*float64(n)/float64(top), 1.5)
			y -= h
			bar.Rects = append(bar.Rects, histRect{Y: y, H: h, Class: classes[k]})
		}
		if bar.Tip == "" {
			bar.Tip = fmt.Sprintf("%s: %s", b.Label, plural(int(total), "document"))
		}
		if total > 0 {
			c.Bars = append(c.Bars, bar)
		}
		if tickEvery > 0 && i%tickEvery == 0 {
			c.addTick(x, b.Label)
		}
	}
	return c
}

// addTick labels the x axis at x, keeping the label inside the chart.
func (c *histChart) addTick(x float64, label string) {
	t := tick{X: x, Label: label, Anchor: "middle"}
	switch {
	case x <= c.PlotLeft+12:
		t.Anchor = "start"
	case x >= c.PlotRight-12:
		t.Anchor = "end"
	}
	c.Ticks = append(c.Ticks, t)
}

// xOf returns the x position of value v, interpolated inside the bin it falls in.
func (c *histChart) xOf(bins []histBin, v float64) float64 {
	bw := (c.PlotRight - c.PlotLeft) / float64(max(len(bins), 1))
	for i, b := range bins {
		if v < b.Hi || i == len(bins)-1 {
			f := 0.0
			switch {
			case math.IsInf(b.Lo, -1):
				f = 1
			case math.IsInf(b.Hi, 1) || b.Hi <= b.Lo:
				f = 0
			default:
				f = math.Max(0, math.Min(1, (v-b.Lo)/(b.Hi-b.Lo)))
			}
			return c.PlotLeft + (float64(i)+f)*bw
		}
	}
	return c.PlotRight
}

func (c *histChart) addMarker(bins []histBin, v float64, label, class string) {
	x := c.xOf(bins, v)
	m := marker{X: x, LabelX: x + 4, Label: label, Class: class, Anchor: "start"}
	if x > c.PlotLeft+(c.PlotRight-c.PlotLeft)*0.62 {
		m.LabelX, m.Anchor = x-4, "end"
	}
	c.Markers = append(c.Markers, m)
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten.
func niceCeil(n int64) int64 {
	if n <= 2 {
		return max(n, 1)
	}
	p := int64(math.Pow(10, math.Floor(math.Log10(float64(n)))))
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= n {
			return m * p
		}
	}
	return 10 * p
}

func lengthChart(h *Histogram) *histChart {
	if h.N == 0 {
		return nil
	}
	last := 10
	for i, n := range h.Counts {
		if n > 0 {
			last = max(last, i)
		}
	}
	var bins []histBin
	for i := 0; i <= min(last, len(h.Counts)-1); i++ {
		lo, hi := h.BinRange(i)
		tip := fmt.Sprintf("%s–%s words", compactInt(int64(lo)), compactInt(int64(hi)-1))
		switch {
		case i == 0:
			tip = "0 words"
		case i == len(h.Counts)-1:
			hi = math.Inf(1)
			tip = compactInt(int64(lo)) + " words or more"
		case hi-lo == 1:
			tip = compactInt(int64(lo)) + " words"
		}
		bins = append(bins, histBin{Lo: lo, Hi: hi, Label: compactInt(int64(lo)),
			Tip: tip + ": " + plural(int(h.Counts[i]), "document"), Counts: []int64{h.Counts[i]}})
	}
	c := newHistChart("Document length", "words per document (log scale: each bar doubles the one before)", bins, []string{"bin-all"}, 2)
	med := h.Quantile(0.5)
	c.addMarker(bins, med, "median "+fmtNum(math.Round(med)), "marker-median")
	return c
}

func boilerplateChart(h *Histogram) *histChart {
	if h.N == 0 {
		return nil
	}
	var bins []histBin
	for i, n := range h.Counts {
		lo, hi := h.BinRange(i)
		bins = append(bins, histBin{Lo: lo, Hi: hi, Label: fmt.Sprintf("%.0f%%", lo*100),
			Tip: fmt.Sprintf("%.0f–%.0f%%: %s", lo*100, hi*100, plural(int(n), "document")), Counts: []int64{n}})
	}
	bins[len(bins)-1].Hi = math.Nextafter(1, 2)
	c := newHistChart("Boilerplate share", "share of the document's bytes covered by boilerplate findings", bins, []string{"bin-all"}, 4)
	c.addTick(c.PlotRight, "100%")
	c.addMarker(bins, h.Mean(), "mean "+fmtPct(h.Mean()), "marker-median")
	return c
}

func scoreChart(st *ScoreStats) *histChart {
	f, p := &st.Flagged, &st.Passing
	tip := func(rng string, passing, flagged int64) string {
		s := fmt.Sprintf("%s: %s flagged", rng, fmtInt(flagged))
		if passing > 0 {
			s += fmt.Sprintf(", %s passing", fmtInt(passing))
		}
		return s
	}
	var bins []histBin
	lo, hi := f.Lo, f.Hi
	if f.Under+p.Under > 0 {
		bins = append(bins, histBin{Lo: math.Inf(-1), Hi: lo, Label: "< " + fmtNum(lo),
			Tip: tip("below "+fmtNum(lo), p.Under, f.Under), Counts: []int64{p.Under, f.Under}})
	}
	for i := range f.Counts {
		a, b := f.BinRange(i)
		bins = append(bins, histBin{Lo: a, Hi: b, Label: fmtNum(a),
			Tip: tip(fmtNum(a)+" to "+fmtNum(b), p.Counts[i], f.Counts[i]), Counts: []int64{p.Counts[i], f.Counts[i]}})
	}
	if f.Over+p.Over > 0 {
		bins = append(bins, histBin{Lo: hi, Hi: math.Inf(1), Label: "≥ " + fmtNum(hi),
			Tip: tip(fmtNum(hi)+" and above", p.Over, f.Over), Counts: []int64{p.Over, f.Over}})
	}
	c := newHistChart(st.Name, fmt.Sprintf("%s (flagged when value %s %s)", st.Name, st.Op, fmtNum(st.Threshold)), bins,
		[]string{"bin-passing", "bin-flagged"}, 0)
	// Ticks at the range ends and the threshold.
	for _, v := range []float64{lo, hi} {
		c.addTick(c.xOf(bins, v), fmtNum(v))
	}
	tx := c.xOf(bins, st.Threshold)
	switch st.Op {
	case "<", "<=":
		c.Shade = &shade{X: c.PlotLeft, W: tx - c.PlotLeft}
	case ">", ">=":
		c.Shade = &shade{X: tx, W: c.PlotRight - tx}
	}
	for _, r := range st.ThresholdRows() {
		if r.Label == "-25%" || r.Label == "+25%" || r.Label == "-0.25" || r.Label == "+0.25" {
			c.addMarker(bins, r.Threshold, "", "marker-alt")
		}
	}
	c.addMarker(bins, st.Threshold, "threshold "+fmtNum(st.Threshold), "marker-threshold")
	c.Legend = []legendItem{{"bin-flagged", "flagged"}, {"shade", "flagged side"}, {"marker-alt", "±25%"}}
	if p.N > 0 {
		c.Legend = append(c.Legend, legendItem{"bin-passing", "passing"})
	}
	return c
}

// compactInt writes 1234 as 1.2k and 2500000 as 2.5M.
func compactInt(n int64) string {
	switch {
	case n >= 1_000_000:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64), ".0") + "M"
	case n >= 1000:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/1e3, 'f', 1, 64), ".0") + "k"
	}
	return strconv.FormatInt(n, 10)
}
