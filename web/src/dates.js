// TIMEX3 values (2023-09-28, 2023-09, 2019, 2023-W39, intervals a/b) to day ranges, as the
// server's DateBounds does for the values the timeline can place.
const DAY = 86400000;

function bounds1(v) {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) {
    const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    return [t, t];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const dow = (new Date(jan4).getUTCDay() + 6) % 7;
    const first = jan4 - dow * DAY + (+m[2] - 1) * 7 * DAY;
    return [first, first + 6 * DAY];
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return [Date.UTC(+m[1], +m[2] - 1, 1), Date.UTC(+m[1], +m[2], 1) - DAY];
  m = /^(\d{4})$/.exec(v);
  if (m) return [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1] + 1, 0, 1) - DAY];
  return null;
}

export function dateBounds(value) {
  if (!value) return null;
  const parts = value.split("/");
  if (parts.length === 2) {
    const a = bounds1(parts[0]);
    const b = bounds1(parts[1]);
    return a && b && a[0] <= b[1] ? [a[0], b[1]] : null;
  }
  return bounds1(value);
}

export { DAY };
