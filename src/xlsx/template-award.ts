/** The award's name as the templates' titles print it (every template kind, the CLI and the task pane). */
import type { Profile } from '../core/profiles/schema';

/**
 * The profile's name without its edition in brackets and without the 附件3 form's own 先进集体和先进个人
 * (ili-2025-contribution → 伊犁州经济高质量发展贡献奖, the seed's wording; jilin-2025-quality → 吉林省质量奖).
 */
export function awardTitleName(profile: Profile): string {
  return profile.name
    .trim()
    .replace(/\s*[（(][^（）()]*[）)]\s*$/, '')
    .replace(/先进集体和先进个人$/, '')
    .trim();
}
