package privacy_test

import (
	"reflect"
	"testing"

	"github.com/corpuslint/corpuslint/rules"
	"github.com/corpuslint/corpuslint/rules/privacy"
	"github.com/corpuslint/corpuslint/rules/rulestest"
)

func TestEmailAddress(t *testing.T) { rulestest.Golden(t, privacy.EmailAddress()) }
func TestPhoneNumber(t *testing.T)  { rulestest.Golden(t, privacy.PhoneNumber()) }
func TestIPAddress(t *testing.T)    { rulestest.Golden(t, privacy.IPAddress()) }

func BenchmarkEmailAddress(b *testing.B) {
	rulestest.Bench(b, privacy.EmailAddress(), rulestest.BenchText(b, privacy.EmailAddress()))
}
func BenchmarkPhoneNumber(b *testing.B) {
	rulestest.Bench(b, privacy.PhoneNumber(), rulestest.BenchText(b, privacy.PhoneNumber()))
}
func BenchmarkIPAddress(b *testing.B) {
	rulestest.Bench(b, privacy.IPAddress(), rulestest.BenchText(b, privacy.IPAddress()))
}

func FuzzEmailAddress(f *testing.F) {
	rulestest.FuzzRule(f, privacy.EmailAddress(), "a@b.co", "@", "a@@b.co", ".a.@b..co", "a@b.co.", "x@example.com")
}
func FuzzPhoneNumber(f *testing.F) {
	rulestest.FuzzRule(f, privacy.PhoneNumber(), "+1 (212) 555-0000", "((((1", "+", "Tel: 0", "(202) 628-8500)", "1-800-273-8255")
}
func FuzzIPAddress(f *testing.F) {
	rulestest.FuzzRule(f, privacy.IPAddress(), "1.1.1.1", "::", ":::", "2001:db8::1", "::ffff:1.2.3.4", "255.255.255.255.")
}

// spans returns the flagged substrings of text.
func spans(r rules.Rule, text string) []string {
	var out []string
	for _, f := range rulestest.Check(r, text) {
		out = append(out, text[f.Start:f.End])
	}
	return out
}

// TestPhoneNumberShapes lists numbers that must be found and look-alikes that must
// not.
func TestPhoneNumberShapes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"call (646) 694-8530 now", []string{"(646) 694-8530"}},
		{"call 646-694-8530.", []string{"646-694-8530"}},
		{"call 1-800-273-8255", []string{"1-800-273-8255"}},
		{"call +1 (212) 318-2000", []string{"+1 (212) 318-2000"}},
		{"+33 1 23 45 67 89", []string{"+33 1 23 45 67 89"}},
		{"+919876543210", []string{"+919876543210"}},
		{"+49 (0)30 1234567", []string{"+49 (0)30 1234567"}},
		{"(202-628-8500)", []string{"202-628-8500"}},
		{"06 12 34 56 78", []string{"06 12 34 56 78"}},
		{"07700 900123", []string{"07700 900123"}},
		{"Phone number: 0800 123 456", []string{"0800 123 456"}},
		{"T: 030 1234567", []string{"030 1234567"}},
		{"☎ 91 234 56 78", []string{"91 234 56 78"}},
		{"téléphone au 604 662-6882.", []string{"604 662-6882"}},
		{"202 628 8500", nil},
		{"tel 202 628 8500", []string{"202 628 8500"}},
		{"+2.5%", nil},
		{"2020-01-15", nil},
		{"1990-2000", nil},
		{"$202-628-8500", nil},
		{"ISBN 0-306-40615-2", nil},
		{"case 202-628-8500", nil},
		{"555-0100 and 202-555-0143", nil},
		{"123-45-6789", nil},
		{"4111-1111-1111-1111", nil},
		{"1234567890123", nil},
		{"202-628-85001", nil},
		{"x202-628-8500", nil},
		{"call 911", nil},
		{"12.10.2020 14.30", nil},
		{"id=2026288500&x", nil},
	} {
		if got := spans(privacy.PhoneNumber(), tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: flagged %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestEmailAddressShapes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"jane.doe@gmail.com", []string{"jane.doe@gmail.com"}},
		{"<Jane.Doe@Gmail.COM>", []string{"Jane.Doe@Gmail.COM"}},
		{"mailto:a_b+c@mail.co.uk.", []string{"a_b+c@mail.co.uk"}},
		{"(x-y@sub-domain.org)", []string{"x-y@sub-domain.org"}},
		{"write to bob@news.com, or alice@news.com.", []string{"bob@news.com", "alice@news.com"}},
		{"@handle and a@b", nil},
		{"logo@2x.png", nil},
		{"a@b.c", nil},
		{"a@-b.com", nil},
		{".@b.com", nil},
		{"a.@b.com", nil},
		{"me@example.com me@mail.example.org me@x.test", nil},
		{"admin:pw@192.168.1.1", nil},
		{"https://user@host.com/x", nil},
		{"josé@correo.es", nil},
	} {
		if got := spans(privacy.EmailAddress(), tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: flagged %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestIPAddressShapes(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"from 93.184.216.34.", []string{"93.184.216.34"}},
		{"(8.8.8.8)", []string{"8.8.8.8"}},
		{"http://160.153.234.103/~x", []string{"160.153.234.103"}},
		{"192.168.1.1 10.1.2.3 127.0.0.1 100.64.0.1 169.254.1.1 0.0.0.0 240.0.0.1", nil},
		{"192.0.2.1 198.51.100.7 203.0.113.9", nil},
		{"1.2.3", nil},
		{"1.2.3.4.5", nil},
		{"v1.2.3.4", nil},
		{"version 1.2.3.4", nil},
		{"Section 2.1.4.3", nil},
		{"01.02.03.04", nil},
		{"256.1.1.1", nil},
		{"1.2.3.4a", nil},
		{"2606:4700:4700::1111", []string{"2606:4700:4700::1111"}},
		{"2001:4860:4860:0:0:0:0:8888", []string{"2001:4860:4860:0:0:0:0:8888"}},
		{"fe80::1 ::1 2001:db8::1 fd00::1", nil},
		{"12:30:45 00:1a:2b:3c:4d:5e a::b std::vector", nil},
		{"126.96.36.199 2001:db8::1", nil},
	} {
		if got := spans(privacy.IPAddress(), tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: flagged %q, want %q", tc.text, got, tc.want)
		}
	}
	// public_only false flags private addresses too.
	r, err := privacy.IPAddress().(rules.Configurable).Configure(map[string]any{"public_only": false})
	if err != nil {
		t.Fatal(err)
	}
	if got := spans(r, "192.168.1.1 and fe80::1"); !reflect.DeepEqual(got, []string{"192.168.1.1", "fe80::1"}) {
		t.Errorf("public_only false: flagged %q", got)
	}
}

// TestPrivacyReplacements checks the stand-ins: used in turn, and never flagged
// themselves.
func TestPrivacyReplacements(t *testing.T) {
	text := "a@mail.com b@mail.com c@mail.com"
	var got []string
	for _, f := range rulestest.Check(privacy.EmailAddress(), text) {
		got = append(got, f.Fix.Edits[0].NewText)
		if f.Fix.Applicability != rules.Unsafe || f.Severity != rules.Info {
			t.Errorf("fix %v severity %v, want unsafe and info", f.Fix.Applicability, f.Severity)
		}
	}
	want := []string{"email@example.com", "firstname.lastname@example.org", "email@example.com"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("replacements %q, want %q", got, want)
	}
	for _, r := range []rules.Rule{privacy.EmailAddress(), privacy.PhoneNumber(), privacy.IPAddress()} {
		opts := r.(rules.Configurable).Options()
		for _, key := range []string{"replacements", "ipv6_replacements"} {
			list, _ := opts[key].([]string)
			for _, s := range list {
				if fs := rulestest.Check(r, "x "+s+" y"); len(fs) != 0 {
					t.Errorf("%s flags its own replacement %q", r.Meta().Name, s)
				}
			}
		}
	}
}
