/*
 * Passwords of at least 12 characters that appear near the top of public breach corpora
 * (the lists behind NIST SP 800-63B's "commonly used" check). Small and embedded on
 * purpose: no network call, no large file; it stops the guesses attackers try first.
 * Compared lower-cased with spaces removed.
 */
const COMMON = [
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789123",
  "123123123123",
  "111111111111",
  "000000000000",
  "121212121212",
  "123451234512345",
  "098765432109",
  "987654321098",
  "qwertyuiopas",
  "qwertyuiop12",
  "qwertyuiop123",
  "qwerty123456",
  "qwertyqwerty",
  "qwertyuiopasdfghjkl",
  "qwertyuiopasdfghjklzxcvbnm",
  "1q2w3e4r5t6y",
  "1q2w3e4r5t6y7u",
  "1qaz2wsx3edc",
  "1qaz2wsx3edc4rfv",
  "zaq12wsxcde3",
  "zaq1zaq1zaq1",
  "asdfghjkl123",
  "asdfasdfasdf",
  "abcdefghijkl",
  "abc123456789",
  "abcd12345678",
  "aaaaaaaaaaaa",
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "password123!",
  "passw0rd1234",
  "p@ssw0rd1234",
  "p@ssword1234",
  "password1234!",
  "mypassword123",
  "iloveyou1234",
  "iloveyouiloveyou",
  "welcome12345",
  "welcome123456",
  "letmein12345",
  "letmeinletmein",
  "changeme1234",
  "changemechangeme",
  "administrator",
  "administrator1",
  "admin1234567",
  "adminadminadmin",
  "football1234",
  "baseball1234",
  "basketball12",
  "superman1234",
  "batman123456",
  "trustno1trustno1",
  "monkey123456",
  "dragon123456",
  "sunshine1234",
  "princess1234",
  "starwars1234",
  "whatever1234",
  "computer1234",
  "internet1234",
  "michael12345",
  "jennifer1234",
  "liverpool123",
  "chelsea12345",
  "manchester12",
  "correcthorsebatterystaple",
  "thequickbrownfox",
  "hellohellohello",
  "helloworld123",
  "loveyouforever",
  "nopassword123",
  "secretpassword",
  "mysecretpassword",
  "throughline1",
  "throughline123",
  "throughline2026",
];

const NORMALISED = new Set(COMMON.map(normalise));

function normalise(password: string): string {
  return password.toLowerCase().replace(/\s+/g, "");
}

/** True for a password on the list, or one character repeated. */
export function isCommonPassword(password: string): boolean {
  const p = normalise(password);
  return NORMALISED.has(p) || /^(.)\1*$/u.test(p);
}
