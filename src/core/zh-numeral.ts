/** Numbers as running Chinese text writes them (GB/T 15835): the bulletin's headings, the notices' sections. */
const ZH_DIGITS = "〇一二三四五六七八九";

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, as GB/T 15835 writes numbers in running Chinese text. */
export function zhNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${ZH_DIGITS[hundreds]}百` : "";
  if (tens) out += `${tens === 1 && !hundreds ? "" : ZH_DIGITS[tens]}十`;
  else if (hundreds && ones) out += "零";
  if (ones) out += ZH_DIGITS[ones];
  return out;
}
