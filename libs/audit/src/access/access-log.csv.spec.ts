import { csvLine } from './access-log.csv';

describe('csvLine', () => {
  it.each([
    ['plain cells', ['a', 'b'], 'a,b\r\n'],
    ['a comma and a quote (RFC 4180)', ['x,y', 'say "hi"'], '"x,y","say ""hi"""\r\n'],
    ['a line break', ['two\nlines'], '"two\nlines"\r\n'],
    ['a formula from the control panel (CSV injection)', ['=HYPERLINK("http://evil")', '@SUM(A1)', '+1', '-1'], `"'=HYPERLINK(""http://evil"")",'@SUM(A1),'+1,'-1\r\n`],
    ['Łódź survives', ['Łódź'], 'Łódź\r\n'],
  ])('writes %s', (_case, cells, expected) => {
    expect(csvLine(cells)).toBe(expected);
  });
});
