import type { LaunchOptions } from '@playwright/test';
import { chromiumLaunchOptions as options } from '../../scripts/chromium.js';

export const chromiumLaunchOptions = (): LaunchOptions => options();
