// Package privacy holds the rules that find personal data in the text: e-mail
// addresses, phone numbers and IP addresses, with unsafe redaction fixes.
package privacy
