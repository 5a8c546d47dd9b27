// Package attribution holds missing-attribution: quoted sentences with no speaker
// named in or around them.
package attribution
