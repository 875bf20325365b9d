import { testEnvironment } from './test-env';

// Test processes read the test settings, whatever the developer's .env says.
Object.assign(process.env, testEnvironment());
