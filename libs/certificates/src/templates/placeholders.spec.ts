import { parseSerial } from '../serial/serial';
import { fillPlaceholders, PLACEHOLDER_EXAMPLES, unknownPlaceholders } from './placeholders';

describe('template placeholders', () => {
  const values = {
    holderName: 'Nguyễn Thị Hằng',
    courseTitle: 'Học tập suốt đời',
    facilityName: 'Trung tâm GDTX',
    hours: '12',
    issuedOn: '01/12/2026',
    expiresOn: '01/12/2028',
    serial: '7KQ4-M2XD-9FHT-B3',
  };

  it('fills every known placeholder, spaces inside the braces allowed', () => {
    expect(
      fillPlaceholders('{{holderName}} — {{ courseTitle }} ({{hours}} giờ), {{serial}}', values),
    ).toBe('Nguyễn Thị Hằng — Học tập suốt đời (12 giờ), 7KQ4-M2XD-9FHT-B3');
  });

  it('names each unknown placeholder once', () => {
    expect(
      unknownPlaceholders('{{holderName}} {{studentName}} {{ grade }} {{studentName}}'),
    ).toEqual(['studentName', 'grade']);
    expect(unknownPlaceholders('Chúc mừng {{holderName}}! {single}')).toEqual([]);
  });

  it('prints an example serial on trial prints that no certificate can have', () => {
    expect(parseSerial(PLACEHOLDER_EXAMPLES.serial)).toBeNull();
    expect(parseSerial(PLACEHOLDER_EXAMPLES.serial.replace(/1$/, '0'))).not.toBeNull();
  });
});
