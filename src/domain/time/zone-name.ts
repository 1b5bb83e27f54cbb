import { IANAZone } from 'luxon';

/**
 * Whether `name` is an IANA zone written as Area/Location (or UTC).
 *
 * Node's ICU accepts abbreviations and legacy names as zones and picks one meaning for
 * each: "IST" becomes India, "BST" Bangladesh (not British Summer Time), "CST" US Central
 * (not China). A person who writes them may mean any of those, so they are refused here and
 * asked about instead.
 */
export function isZoneName(name: string): boolean {
  return (name === 'UTC' || /^[A-Z][A-Za-z_-]+\/[A-Za-z0-9_+\-/]+$/.test(name)) && IANAZone.isValidZone(name);
}
