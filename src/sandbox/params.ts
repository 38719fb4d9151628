// Boolean query parameters as ECE reads them: absent → the default, `?x` or `?x=true` → true.

export const flag = (q: URLSearchParams, name: string, fallback = false) => {
  const v = q.get(name);
  return v === null ? fallback : v === '' || v === 'true';
};
