package wordset

import "strings"

// Stopwords are function words of English and the main European languages.
var Stopwords = Parse(`
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
i'm i've if in into is isn't it it's its itself just let's me more most mustn't my myself no
nor not now of off on once only or other ought our ours ourselves out over own same shan't
she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through
to too under until up upon us very was wasn't we we'd we'll we're we've were weren't what
what's when when's where where's which while who who's whom why why's will with won't would
wouldn't you you'd you'll you're you've your yours yourself yourselves one two new said says
get got like many much may might must per via vs via yet still even ever every
le la les un une des du de et en est à au aux pour par sur dans pas plus ce cette ces qui que
qu il elle ils elles nous vous se sa son ses leur leurs ne avec
der die das ein eine einer eines einem einen und ist in im zu zum zur mit von für auf den dem
des nicht sich es sie er wir ihr auch als an bei aus nach wie oder
el la los las un una unos unas y es en de del al por para con que se su sus lo como más o no
il lo gli di da per con che è non una uno
o os as um uma do da dos das em no na nos nas com por para que não se
het een en van op voor met niet dat zijn
`)

// Parse returns the set of the white-space separated words of s.
func Parse(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
