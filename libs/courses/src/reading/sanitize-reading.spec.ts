import { isBlankReading, sanitizeReading } from './sanitize-reading';

describe('sanitizeReading', () => {
  it('keeps ordinary reading structure, links and images', () => {
    const html =
      '<h2>Tự học</h2><p>Đọc <strong>kỹ</strong> <em>từng</em> phần.</p>' +
      '<ul><li>Một</li></ul><p><a href="https://example.vn/a">nguồn</a></p>' +
      '<img src="https://example.vn/a.png" alt="sơ đồ">';
    expect(sanitizeReading(html)).toBe(
      '<h2>Tự học</h2><p>Đọc <strong>kỹ</strong> <em>từng</em> phần.</p>' +
        '<ul><li>Một</li></ul><p><a href="https://example.vn/a" rel="noopener noreferrer nofollow">nguồn</a></p>' +
        '<img src="https://example.vn/a.png" alt="sơ đồ" />',
    );
  });

  it('removes script elements with their content', () => {
    expect(sanitizeReading('<p>a</p><script>alert(1)</script><SCRIPT SRC=//x.js></SCRIPT>')).toBe(
      '<p>a</p>',
    );
  });

  it('removes every on* handler and style', () => {
    const out = sanitizeReading(
      '<p onclick="alert(1)" onmouseover=alert(1) style="x:expression(alert(1))">a</p>' +
        '<img src="https://x.vn/a.png" onerror="alert(1)"><svg onload=alert(1)></svg>' +
        '<body onload=alert(1)>b</body>',
    );
    expect(out).not.toMatch(/on\w+=/i);
    expect(out).not.toMatch(/style|svg|body/i);
    expect(out).toContain('<p>a</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)',
    'javascript&colon;alert(1)',
    '&#0000106avascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '//evil.example/x',
  ])('drops the link target %j', (href) => {
    const out = sanitizeReading(`<a href="${href}">x</a>`);
    expect(out).not.toMatch(/href/i);
    expect(out.toLowerCase()).not.toContain('script');
    expect(out).toContain('>x</a>');
  });

  it('drops javascript: in image sources too', () => {
    expect(sanitizeReading('<img src="javascript:alert(1)">')).not.toMatch(/src/);
  });

  it('drops frames, forms, objects and styles', () => {
    const out = sanitizeReading(
      '<iframe src="https://x.vn"></iframe><form action="https://x.vn"><input></form>' +
        '<object data="x"></object><embed src="x"><style>p{}</style><p>ok</p>',
    );
    expect(out).toBe('<p>ok</p>');
  });

  it('escapes what would otherwise break out of text', () => {
    expect(sanitizeReading('<p>1 < 2 & "a"</p>')).toBe('<p>1 &lt; 2 &amp; "a"</p>');
  });
});

describe('isBlankReading', () => {
  it('sees empty markup as blank', () => {
    expect(isBlankReading(null)).toBe(true);
    expect(isBlankReading('<p> </p><p>&nbsp;</p>')).toBe(true);
    expect(isBlankReading('<p>a</p>')).toBe(false);
    expect(isBlankReading('<img src="https://x.vn/a.png">')).toBe(false);
  });
});
