/**
 * Demo learners at every stage of an enrollment, in the demo courses (found by title). Stages
 * are reached through the enrollment services, as a learner would: "halfway" has its required
 * readings done, "completed" also passed its quizzes, "waitlisted" waits in a course that demo
 * staff filled to capacity, "withdrawn" enrolled then left.
 */

export const DEMO_STAGES = ['enrolled', 'halfway', 'completed', 'waitlisted', 'withdrawn'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export interface DemoEnrollment {
  email: string;
  courseTitle: string;
  stage: DemoStage;
}

export const DEMO_ENROLLMENTS: DemoEnrollment[] = [
  {
    email: 'hocvien@demo.lifelong.local',
    courseTitle: 'Kỹ năng số cho mọi người',
    stage: 'halfway',
  },
  {
    email: 'hocvien@demo.lifelong.local',
    courseTitle: 'Học tập suốt đời: phương pháp tự học',
    stage: 'completed',
  },
  {
    email: 'hocvien.moi@demo.lifelong.local',
    courseTitle: 'Kỹ năng số cho mọi người',
    stage: 'enrolled',
  },
  {
    email: 'hocvien.giuakhoa@demo.lifelong.local',
    courseTitle: 'Tiếng Anh giao tiếp cơ bản',
    stage: 'halfway',
  },
  {
    email: 'hocvien.hoanthanh@demo.lifelong.local',
    courseTitle: 'Sơ cứu ban đầu tại cộng đồng',
    stage: 'completed',
  },
  {
    email: 'hocvien.chocho@demo.lifelong.local',
    courseTitle: 'Điện dân dụng cơ bản',
    stage: 'waitlisted',
  },
  {
    email: 'hocvien.rutlui@demo.lifelong.local',
    courseTitle: 'Tin học văn phòng cơ bản',
    stage: 'withdrawn',
  },
];
