package boilerplate

import (
	"strings"

	"github.com/corpuslint/corpuslint/rules/text"
	"github.com/corpuslint/corpuslint/rules/text/wordset"
)

// class is a kind of known boilerplate phrase. A line carries a set of them.
type class uint16

// The phrase classes. Each names the widget a phrase belongs to, so that a finding
// can say what the block is ("a share prompt", "a cookie notice").
const (
	classLegal     class = 1 << iota // cookies, consent, privacy, terms
	classCopyright                   // ©, copyright, all rights reserved
	share                            // share, tweet, social networks, print, email this
	subscribe                        // newsletter, subscribe, sign up / in, log in, register
	comment                          // comments, leave a reply, join the conversation
	readMore                         // read more, click here, continue reading, learn more
	related                          // related, trending, most read, you may also like
	credit                           // photo / image credits, wire agencies, captions
	ad                               // advertisement, sponsored
	nav                              // home, menu, search, skip to content, next / previous
	byline                           // posted by / on, published, updated, author, min read
	tags                             // tags, filed under, categories, topics
	contact                          // telephone, fax, e-mail, address lines
	numClasses     = iota
)

// classNames name the classes in findings, in bit order.
var classNames = [numClasses]string{
	"cookie or legal notice", "copyright line", "share prompt", "subscription prompt",
	"comment widget", "read-more link", "related-content lead-in", "photo credit",
	"advertisement label", "navigation", "byline or date line", "tag list", "contact details",
}

// phrase is one known phrase, as lower-case words.
type phrase struct {
	words []string
	class class
}

// phraseText lists the known phrases by class, one phrase a line, in the main
// European languages. They are generic page furniture, never names of sites.
var phraseText = map[class]string{
	classLegal: `cookie
cookies
cookie policy
cookie settings
cookie preferences
we use cookies
uses cookies
privacy policy
privacy notice
privacy settings
privacy statement
your privacy
terms of use
terms of service
terms and conditions
terms conditions
terms of sale
consent
accept all
ad choices
adchoices
your ad choices
do not sell my personal information
do not sell my info
javascript is disabled
enable javascript
datenschutz
datenschutzerklärung
impressum
nutzungsbedingungen
politique de confidentialité
mentions légales
conditions générales
política de privacidad
aviso legal
política de cookies
informativa sulla privacy
privacybeleid
política de privacidade
termos de uso
disclaimer
affiliate links
affiliate link
affiliate partnerships
may earn a commission
may earn commission
earn a commission
we may receive a commission
this material may not be published
may not be reproduced
reproduction prohibited
without permission`,
	classCopyright: `copyright
all rights reserved
rights reserved
alle rechte vorbehalten
tous droits réservés
todos los derechos reservados
tutti i diritti riservati
todos os direitos reservados
alle rechten voorbehouden
powered by
copyrighted`,
	share: `share
share this
share on facebook
share on twitter
share this article
share this story
share this post
share via
tweet
facebook
twitter
linkedin
pinterest
whatsapp
reddit
instagram
youtube
tumblr
flipboard
telegram
email this
email
e-mail
print
print this
sharing is caring
teilen
partager
compartir
condividi
compartilhe
compartilhar
delen
follow us
follow us on
like us on facebook
folgen sie uns
suivez-nous
síguenos
seguici
shares
share this page
share on linkedin
share on whatsapp
share by email
email this article
print this article
save article
save this article
follow
follow us on twitter
follow us on facebook
like us
like this
like loading
loading
tweet this`,
	subscribe: `subscribe
subscribe now
subscribe to
subscription
subscriptions
newsletter
newsletters
sign up
sign up for
sign in
sign out
log in
login
log out
register
create an account
my account
your email
email address
enter your email
get the newsletter
abonnieren
anmelden
abonnez-vous
s'abonner
inscrivez-vous
suscríbete
suscribirse
iscriviti
abbonati
assine
inscreva-se
aanmelden
abonneren
subscribed
subscribing
subscriber
subscribers
unsubscribe
sign up now
sign up for our newsletter
sign up to our newsletter
newsletter sign up
stay up to date
get the latest
delivered to your inbox
in your inbox
if you enjoyed this article
enjoyed this article
support our journalism
support us
become a member
join now
donate
already a subscriber
create account
log in to comment
premium subscriber`,
	comment: `comment
comments
leave a comment
leave a reply
post a comment
add a comment
add comment
view comments
show comments
reply
replies
join the conversation
join the discussion
comments are closed
be the first to comment
kommentar
kommentare
schreibe einen kommentar
commentaire
commentaires
laisser un commentaire
comentario
comentarios
deja un comentario
commento
commenti
lascia un commento
comentário
comentários
reacties
reactie
comments closed
load comments
show comments
view all comments
join the conversation
leave a comment below
post comment
write a comment
discussion`,
	readMore: `read more
read full story
read the full story
read the full article
continue reading
click here
learn more
see more
view more
show more
view all
see all
more info
find out more
weiterlesen
mehr lesen
hier klicken
lire la suite
en savoir plus
cliquez ici
leer más
seguir leyendo
haga clic aquí
leggi tutto
continua a leggere
clicca qui
leia mais
continue lendo
clique aqui
lees meer
lees verder
klik hier
read the story
read full article
read this next
keep reading
full story
more details
see the full list`,
	related: `related
related articles
related stories
related posts
related content
related news
related coverage
related topics
trending
trending now
trending stories
most popular
most read
most viewed
most shared
popular
popular posts
recommended
recommended for you
you may also like
you might also like
you may like
also read
read also
see also
more from
more stories
more news
latest news
latest stories
latest
editors picks
editor's picks
don't miss
more in
up next
what to read next
ähnliche beiträge
das könnte sie auch interessieren
mehr zum thema
auch interessant
lire aussi
à lire aussi
sur le même sujet
les plus lus
noticias relacionadas
te puede interesar
lo más leído
leggi anche
articoli correlati
i più letti
leia também
veja também
mais lidas
lees ook
meest gelezen
more from the web
around the web
from the web
promoted stories
recommended stories
top stories
top news
popular now
most discussed
most commented
editor's choice
also on
related topics
related reading
further reading
previous story
next story
read next
up next
more on this story
more on this
more stories from`,
	credit: `photo
photos
photo credit
photograph
image
images
image credit
picture
credit
credits
caption
courtesy
getty images
getty
shutterstock
istock
ap photo
afp
reuters
associated press
file photo
photo by
image by
foto
bild
crédit
crédito
fonte
image caption
image copyright
media caption
reporting by
editing by
additional reporting
additional reporting by
writing by
contributed to this report
contributed reporting
photo illustration
illustration
pictured`,
	ad: `advertisement
advertising
advertise
advertise with us
sponsored
sponsored content
sponsored by
promoted
paid content
partner content
ad
ads
anzeige
werbung
publicité
publicidad
pubblicità
publicidade
advertentie
sponsored links
sponsored stories
ad choices
advertiser content
paid post
promoted content`,
	nav: `home
homepage
home page
menu
main menu
search
skip to content
skip to main content
skip to navigation
skip navigation
toggle navigation
navigation
back to top
go to top
next
previous
next article
previous article
next post
previous post
older posts
newer posts
older post
newer post
contact
contact us
about
about us
sitemap
site map
help
faq
close
open
more
sections
jobs
careers
startseite
suche
accueil
recherche
inicio
buscar
cerca
início
pesquisar
zoeken`,
	byline: `by
posted by
posted on
posted in
published
published on
published by
updated
last updated
written by
author
authors
min read
minute read
minutes read
reading time
von
par
por
di
publié le
mis à jour
veröffentlicht
aktualisiert
publicado
pubblicato
atualizado
originally published
first published
this story has been updated
this article was updated
this article originally appeared
staff writer
senior editor
contributing writer
about the author`,
	contact: `telephone
phone
fax
email us
contact information
call us
kontakt
téléphone
teléfono
telefono`,
	tags: `tags
tagged
tagged with
filed under
categories
category
topics
keywords
schlagworte
themen
étiquettes
etiquetas
argomenti
tags:
filed in
more about`,
}

// phraseIndex maps the first word of each known phrase to the phrases that
// start with it, longest first, so a line is matched word by word with one map
// lookup per word.
var phraseIndex = buildPhraseIndex()

func buildPhraseIndex() map[string][]phrase {
	idx := map[string][]phrase{}
	for class, text := range phraseText {
		for _, line := range strings.Split(text, "\n") {
			ws := phraseWords(line)
			if len(ws) == 0 {
				continue
			}
			idx[ws[0]] = append(idx[ws[0]], phrase{words: ws, class: class})
		}
	}
	for k, ps := range idx {
		// Longest first; ties by class so that the order is deterministic.
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && (len(ps[j].words) > len(ps[j-1].words) ||
				len(ps[j].words) == len(ps[j-1].words) && ps[j].class < ps[j-1].class); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		idx[k] = ps
	}
	return idx
}

// phraseWords splits a phrase into words the way lines are split, in lower case.
func phraseWords(s string) []string {
	s = strings.ToLower(strings.TrimSpace(s))
	var out []string
	for _, w := range text.AppendWords(nil, s, 0, len(s)) {
		out = append(out, s[w.Start:w.End])
	}
	return out
}

// dateWords are the words of date and time lines ("Monday, November 18, 2019,
// 04:05 pm PT", "3 hours ago").
var dateWords = wordset.Parse(`jan january feb february mar march apr april may jun june jul july aug august
sep sept september oct october nov november dec december mon monday tue tues tuesday wed
wednesday thu thur thurs thursday fri friday sat saturday sun sunday am pm a.m p.m ago hour hours
minute minutes min mins day days week weeks month months year years yesterday today et pt gmt
utc est edt cst cdt pst pdt bst cet cest ist
januar februar märz april mai juni juli august september oktober november dezember
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
de del of at um uhr à às h`)
