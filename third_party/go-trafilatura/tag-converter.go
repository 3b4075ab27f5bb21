package trafilatura

import "sync"

var (
	listXmlListTags    = []string{"ul", "ol", "dl"}
	listXmlQuoteTags   = []string{"blockquote", "pre", "q"}
	listXmlHeadTags    = []string{"h1", "h2", "h3", "h4", "h5", "h6", "summary"}
	listXmlLbTags      = []string{"br", "hr", "lb"}
	listXmlHiTags      = []string{"em", "i", "b", "strong", "u", "kbd", "samp", "tt", "var", "sub", "sup", "mark"}
	listXmlRefTags     = []string{"a"}
	listXmlGraphicTags = []string{"img"}
	listXmlItemTags    = []string{"dd", "dt", "li"}
	listXmlCellTags    = []string{"th", "td"}
)

var (
	mapXmlListTags    = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlListTags...) })
	mapXmlQuoteTags   = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlQuoteTags...) })
	mapXmlHeadTags    = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlHeadTags...) })
	mapXmlLbTags      = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlLbTags...) })
	mapXmlHiTags      = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlHiTags...) })
	mapXmlRefTags     = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlRefTags...) })
	mapXmlGraphicTags = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlGraphicTags...) })
	mapXmlItemTags    = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlItemTags...) })
	mapXmlCellTags    = sync.OnceValue(func() map[string]struct{} { return sliceToMap(listXmlCellTags...) })
)
