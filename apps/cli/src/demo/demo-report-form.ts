import { Clock } from '@lifelong/common';
import { MonitoringError, ReportForms } from '@lifelong/monitoring';
import { Injectable } from '@nestjs/common';

/**
 * This year's form of the facilities' yearly report, so a facility admin has something to fill
 * in and a supervisor something to decide on. Due by 23:59 on 31 January (Vietnam's time) of the
 * next year. Left alone when the year already has a form (an administrator's own is kept).
 */
@Injectable()
export class DemoReportFormSeeder {
  constructor(
    private readonly forms: ReportForms,
    private readonly clock: Clock,
  ) {}

  /** Returns 1 when it defined the form, 0 when the year had one. */
  async seed(year = this.clock.now().getUTCFullYear()): Promise<number> {
    try {
      await this.forms.find(year);
      return 0;
    } catch (error) {
      if (!(error instanceof MonitoringError) || error.code !== 'REPORT_FORM_NOT_FOUND')
        throw error;
    }
    await this.forms.define(year, {
      deadline: new Date(`${year + 1}-01-31T16:59:00.000Z`),
      fields: [
        {
          key: 'offline_classes',
          label: {
            vi: 'Số lớp học trực tiếp đã mở trong năm',
            en: 'Classes held in person this year',
          },
          type: 'integer',
          help: 'Các lớp học tại cơ sở, không tính khoá học trên nền tảng.',
          required: true,
          min: 0,
          max: null,
          choices: null,
          indicator: 'offline_classes',
        },
        {
          key: 'offline_class_learners',
          label: {
            vi: 'Số lượt người học tại các lớp trực tiếp',
            en: 'Learners in the classes held in person',
          },
          type: 'integer',
          help: 'Mỗi người được tính một lần cho mỗi lớp đã theo học.',
          required: true,
          min: 0,
          max: null,
          choices: null,
          indicator: 'offline_class_learners',
        },
        {
          key: 'reading_corner',
          label: {
            vi: 'Cơ sở có thư viện hoặc góc đọc mở cho người dân',
            en: 'The facility has a library or reading corner open to the public',
          },
          type: 'boolean',
          help: null,
          required: false,
          min: null,
          max: null,
          choices: null,
          indicator: null,
        },
        {
          key: 'difficulties',
          label: { vi: 'Khó khăn, kiến nghị', en: 'Difficulties and proposals' },
          type: 'text',
          help: null,
          required: false,
          min: null,
          max: null,
          choices: null,
          indicator: null,
        },
      ],
    });
    return 1;
  }
}
