package text

import "sync/atomic"

// Key names one kind of result a rule family derives from a document and caches
// on its Analysis (go/analysis's ResultOf, in effect): the family declares the key
// once, as a package variable, and every rule of it asks Result for the value, so
// the work is done once per document whichever of its rules run. T is the type of
// the result.
type Key[T any] struct {
	id   int
	name string
}

// keyCount numbers the keys made so far.
var keyCount atomic.Int64

// NewKey returns a new key for results of type T; name says what the result is,
// for debugging. Keys are meant to be package variables.
func NewKey[T any](name string) *Key[T] {
	return &Key[T]{id: int(keyCount.Add(1) - 1), name: name}
}

// String returns the key's name.
func (k *Key[T]) String() string { return k.name }

// Reuser is implemented by results whose arrays are worth keeping for the next
// document: Release calls Reset instead of dropping the value, and Reused hands
// it to the next computation of the same key.
type Reuser interface {
	Reset()
}

// Result returns the result stored under k for a's document, computing it with
// compute on first use. compute must depend on the document alone (not on any
// rule's options): every rule asking for k shares its value.
func Result[T any](a *Analysis, k *Key[T], compute func(*Analysis) T) T {
	if k.id < len(a.slots) && a.slots[k.id].ok {
		return a.slots[k.id].v.(T)
	}
	v := compute(a)
	if k.id >= len(a.slots) {
		a.slots = append(a.slots, make([]slot, k.id+1-len(a.slots))...)
	}
	a.slots[k.id] = slot{v: v, ok: true}
	return v
}

// Reused returns the value a released analysis kept under k for reuse (see
// Reuser), or the zero T. It is meant for compute functions given to Result.
func Reused[T any](a *Analysis, k *Key[T]) T {
	var zero T
	if k.id < len(a.slots) && !a.slots[k.id].ok {
		if v, ok := a.slots[k.id].v.(T); ok {
			a.slots[k.id].v = nil
			return v
		}
	}
	return zero
}
