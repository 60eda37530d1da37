/**
 * The published 2023 figures of Sóc Trăng's districts and provincial public service
 * units, transcribed from test/fixtures/soc-trang-2023/*.csv (summary-*.csv and
 * fields-*.csv) so that the pure demo builder needs no file access. A test
 * (test/core/demo-fixture-data.test.ts) checks every number against the CSV files.
 *
 * Field scores are keyed by field code ("1" … "8"); public service units have no
 * fields 2 and 3. All values are 2-decimal strings as published.
 */
export interface FixtureUnit {
  readonly name: string;
  readonly group: 'district' | 'public_service_unit';
  /** Điểm chuẩn tối đa (after lowered benchmarks). */
  readonly benchmark: string;
  /** Điểm tự đánh giá (appraised self-assessment, without survey points). */
  readonly selfAssessed: string;
  readonly surveyCbccvc: string;
  readonly surveySipas: string;
  readonly publishedTotal: string;
  readonly publishedIndex: string;
  /** Field code → published points of the field (field 8 includes the survey points). */
  readonly fields: Readonly<Record<string, string>>;
}

/** In the report's order (by index within each group). */
export const FIXTURE_UNITS: readonly FixtureUnit[] = [
  {
    name: 'UBND huyện Mỹ Xuyên',
    group: 'district',
    benchmark: '94.00',
    selfAssessed: '51.34',
    surveyCbccvc: '13.13',
    surveySipas: '14.34',
    publishedTotal: '78.81',
    publishedIndex: '83.84',
    fields: { '1': '11.29', '2': '5.00', '3': '4.50', '4': '5.29', '5': '4.50', '6': '2.25', '7': '14.39', '8': '31.59' },
  },
  {
    name: 'UBND huyện Long Phú',
    group: 'district',
    benchmark: '95.00',
    selfAssessed: '51.31',
    surveyCbccvc: '13.46',
    surveySipas: '14.27',
    publishedTotal: '79.04',
    publishedIndex: '83.20',
    fields: { '1': '10.17', '2': '4.90', '3': '6.00', '4': '6.17', '5': '2.25', '6': '2.75', '7': '13.19', '8': '33.60' },
  },
  {
    name: 'UBND thị xã Ngã Năm',
    group: 'district',
    benchmark: '95.50',
    selfAssessed: '47.80',
    surveyCbccvc: '13.63',
    surveySipas: '14.57',
    publishedTotal: '76.01',
    publishedIndex: '79.59',
    fields: { '1': '10.63', '2': '5.00', '3': '5.00', '4': '4.82', '5': '4.38', '6': '2.50', '7': '11.10', '8': '32.58' },
  },
  {
    name: 'UBND huyện Châu Thành',
    group: 'district',
    benchmark: '95.00',
    selfAssessed: '46.15',
    surveyCbccvc: '14.86',
    surveySipas: '13.29',
    publishedTotal: '74.30',
    publishedIndex: '78.21',
    fields: { '1': '10.20', '2': '5.00', '3': '4.00', '4': '5.62', '5': '4.38', '6': '2.25', '7': '11.34', '8': '31.53' },
  },
  {
    name: 'UBND huyện Kế Sách',
    group: 'district',
    benchmark: '94.75',
    selfAssessed: '46.23',
    surveyCbccvc: '13.83',
    surveySipas: '13.92',
    publishedTotal: '73.98',
    publishedIndex: '78.08',
    fields: { '1': '10.54', '2': '4.75', '3': '4.24', '4': '4.25', '5': '3.88', '6': '2.25', '7': '11.83', '8': '32.25' },
  },
  {
    name: 'UBND huyện Thạnh Trị',
    group: 'district',
    benchmark: '95.25',
    selfAssessed: '45.31',
    surveyCbccvc: '13.78',
    surveySipas: '14.62',
    publishedTotal: '73.71',
    publishedIndex: '77.38',
    fields: { '1': '8.71', '2': '5.00', '3': '5.25', '4': '5.94', '5': '4.38', '6': '2.75', '7': '9.66', '8': '32.02' },
  },
  {
    name: 'UBND huyện Cù Lao Dung',
    group: 'district',
    benchmark: '96.00',
    selfAssessed: '47.35',
    surveyCbccvc: '13.55',
    surveySipas: '13.33',
    publishedTotal: '74.24',
    publishedIndex: '77.33',
    fields: { '1': '9.99', '2': '4.90', '3': '4.50', '4': '5.36', '5': '6.25', '6': '2.75', '7': '10.85', '8': '29.63' },
  },
  {
    name: 'UBND huyện Mỹ Tú',
    group: 'district',
    benchmark: '95.25',
    selfAssessed: '46.33',
    surveyCbccvc: '12.89',
    surveySipas: '13.87',
    publishedTotal: '73.09',
    publishedIndex: '76.74',
    fields: { '1': '10.58', '2': '4.40', '3': '4.25', '4': '5.50', '5': '2.88', '6': '2.75', '7': '11.98', '8': '30.76' },
  },
  {
    name: 'UBND thành phố Sóc Trăng',
    group: 'district',
    benchmark: '95.25',
    selfAssessed: '45.61',
    surveyCbccvc: '13.34',
    surveySipas: '11.95',
    publishedTotal: '70.91',
    publishedIndex: '74.44',
    fields: { '1': '10.54', '2': '5.00', '3': '4.25', '4': '4.95', '5': '4.75', '6': '2.75', '7': '9.61', '8': '29.04' },
  },
  {
    name: 'UBND huyện Trần Đề',
    group: 'district',
    benchmark: '94.75',
    selfAssessed: '39.76',
    surveyCbccvc: '13.56',
    surveySipas: '13.00',
    publishedTotal: '66.31',
    publishedIndex: '69.99',
    fields: { '1': '7.00', '2': '4.32', '3': '3.99', '4': '4.89', '5': '3.25', '6': '2.25', '7': '10.18', '8': '30.43' },
  },
  {
    name: 'UBND thị xã Vĩnh Châu',
    group: 'district',
    benchmark: '96.00',
    selfAssessed: '39.86',
    surveyCbccvc: '12.84',
    surveySipas: '13.59',
    publishedTotal: '66.29',
    publishedIndex: '69.06',
    fields: { '1': '8.61', '2': '3.90', '3': '5.50', '4': '3.66', '5': '2.63', '6': '2.25', '7': '9.68', '8': '30.06' },
  },
  {
    name: 'Ban Quản lý Dự án 2',
    group: 'public_service_unit',
    benchmark: '92.00',
    selfAssessed: '44.86',
    surveyCbccvc: '21.67',
    surveySipas: '14.50',
    publishedTotal: '81.02',
    publishedIndex: '88.07',
    fields: { '1': '11.75', '4': '8.50', '5': '8.00', '6': '5.00', '7': '9.61', '8': '38.17' },
  },
  {
    name: 'Trường Cao đẳng Nghề Sóc Trăng',
    group: 'public_service_unit',
    benchmark: '95.00',
    selfAssessed: '37.39',
    surveyCbccvc: '19.90',
    surveySipas: '14.34',
    publishedTotal: '71.63',
    publishedIndex: '75.40',
    fields: { '1': '10.36', '4': '10.50', '5': '3.50', '6': '6.50', '7': '6.53', '8': '34.24' },
  },
  {
    name: 'Ban Quản lý Dự án 1',
    group: 'public_service_unit',
    benchmark: '92.00',
    selfAssessed: '30.86',
    surveyCbccvc: '19.75',
    surveySipas: '14.50',
    publishedTotal: '65.11',
    publishedIndex: '70.77',
    fields: { '1': '5.48', '4': '10.50', '5': '5.00', '6': '6.00', '7': '3.88', '8': '34.25' },
  },
  {
    name: 'Trường Cao đẳng Cộng đồng Sóc Trăng',
    group: 'public_service_unit',
    benchmark: '95.00',
    selfAssessed: '34.07',
    surveyCbccvc: '18.18',
    surveySipas: '14.76',
    publishedTotal: '67.01',
    publishedIndex: '70.54',
    fields: { '1': '8.96', '4': '9.50', '5': '3.50', '6': '4.10', '7': '6.01', '8': '34.94' },
  },
];
