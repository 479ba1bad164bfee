/**
 * Classroom: every lesson runs start to end in the browser. The expected answers come from the
 * same headless lessons, simulated here in Node (answerFor over lessonTimeline), so the test stays
 * right when the engine's timing changes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { simulate, type Trace } from '../src/engine';
import { LESSONS, answerFor, lessonTimeline, lessonUntil, type Lesson } from '../src/scenario';
import { clockMs } from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

function shownSteps(lesson: Lesson) {
  const result = simulate(lesson.scenario, { until: lessonUntil(lesson) });
  if (!result.ok) throw new Error(`${lesson.id} does not simulate`);
  const trace: Trace = result.trace;
  return lessonTimeline(lesson, trace)
    .filter((s) => s.point !== undefined)
    .map((s) => ({
      ...s,
      t: s.t ?? 0,
      answer: s.step.question && s.point ? answerFor(s.step.question, trace, s.point) : undefined,
    }));
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const narration = (page: Page) => page.getByTestId('lesson-narration');
/** Narration as shown: `code` spans lose their backticks. */
const plain = (text: string) => text.replace(/`/g, '');

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id} runs start to end`, async ({ page }) => {
    const errors = watchConsole(page);
    const steps = shownSteps(lesson);
    expect(steps.length).toBeGreaterThan(0);
    await page.goto(`./#lesson=${lesson.id}&step=1`);
    await expect(page.getByRole('heading', { name: lesson.title })).toBeVisible();
    let shot = false;
    for (const [k, s] of steps.entries()) {
      await expect(
        page.getByRole('heading', { name: new RegExp(`^Step ${k + 1} of ${steps.length}`) }),
      ).toBeVisible();
      await expect(narration(page)).toHaveText(plain(s.step.narration));
      expect(Math.abs((await clockMs(page)) - s.t)).toBeLessThanOrEqual(100);
      await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}&step=${k + 1}$`));
      if (s.step.question) {
        expect(s.answer, `${lesson.id}/${s.step.id} has an answer`).toBeDefined();
        await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();
        await page.getByRole('radio', { name: s.answer ?? '', exact: true }).check();
        await page.getByRole('button', { name: 'Check my answer' }).click();
        await expect(page.getByTestId('lesson-feedback')).toContainText('Right.');
        if (!shot) {
          await page.screenshot({ path: `e2e/screenshots/lesson-${lesson.id}.png` });
          shot = true;
        }
      }
      if (k < steps.length - 1) await page.getByRole('button', { name: 'Next step' }).click();
    }
    if (!shot) await page.screenshot({ path: `e2e/screenshots/lesson-${lesson.id}.png` });
    const questions = lesson.steps.filter((s) => s.question).length;
    const asked = steps.filter((s) => s.step.question).length;
    await expect(page.getByTestId('lesson-score')).toHaveText(`Score: ${asked}/${questions}`);
    expect(errors).toEqual([]);
  });
}

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

test('library lists every lesson with its score; a wrong answer is explained', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByTestId('lesson-library').getByRole('listitem')).toHaveCount(LESSONS.length);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/lesson-library.png' });

  const lesson = LESSONS.find((l) => l.id === 'crashloop-backoff') ?? LESSONS[0];
  await page.getByRole('link', { name: lesson.title }).click();
  const first = shownSteps(lesson).find((s) => s.step.question);
  if (!first?.step.question) throw new Error('no question');
  await page.goto(`./#lesson=${lesson.id}&step=${shownSteps(lesson).indexOf(first) + 1}`);
  await page.reload();
  const wrong = first.step.question.choices.find((c) => c !== first.answer) ?? '';
  await page.getByRole('radio', { name: wrong, exact: true }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByTestId('lesson-feedback')).toContainText(`Not quite: the answer is ${first.answer}`);
  await expect(page.getByTestId('lesson-feedback')).toContainText(plain(first.step.question.explain));
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByTestId(`score-${lesson.id}`)).toContainText('Your score: 0 of');
});

test('presenter mode: large type, the lesson panes, keys drive the steps', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.id === 'graceful-termination') ?? LESSONS[0];
  const steps = shownSteps(lesson);
  await page.goto(`./#lesson=${lesson.id}&step=1`);
  await expect(narration(page)).toHaveText(plain(steps[0].step.narration));
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByTestId('lesson-player')).toHaveAttribute('data-presenter', 'true');
  await expect(page.getByTestId('key-hint').first()).toBeVisible();
  const noQuestion = (i: number) => !steps[i].step.question;
  // Walk with the keyboard: answer with the radios, N / → forward, P / ← back.
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  for (let k = 0; k < steps.length - 1; k++) {
    if (!noQuestion(k)) {
      await page.getByRole('radio', { name: steps[k].answer ?? '', exact: true }).check();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('lesson-feedback')).toContainText('Right.');
      await page.locator('body').click({ position: { x: 5, y: 700 } });
    }
    await page.keyboard.press(k % 2 ? 'ArrowRight' : 'n');
    await expect(narration(page)).toHaveText(plain(steps[k + 1].step.narration));
  }
  await page.keyboard.press('p');
  await expect(narration(page)).toHaveText(plain(steps[steps.length - 2].step.narration));
  await page.keyboard.press('ArrowLeft');
  await expect(narration(page)).toHaveText(plain(steps[Math.max(0, steps.length - 3)].step.narration));
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  expect(await axeViolations(page)).toEqual([]);
  // Projected at 1280×720: the kubectl tabs stay on one row, and get pods -w shows every column (AGE last).
  const kubectlTabs = page.getByRole('tablist', { name: 'kubectl views' }).getByRole('tab');
  const rows = await kubectlTabs.evaluateAll(
    (tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size,
  );
  expect(rows).toBe(1);
  const hidden = await page
    .getByRole('tablist', { name: 'kubectl views' })
    .evaluate((list) => list.scrollWidth - list.clientWidth);
  expect(hidden).toBeLessThanOrEqual(0);
  const watchPanel = page.getByRole('tabpanel').filter({ has: page.getByTestId('kubectl-watch') });
  const overflow = await watchPanel.evaluate((panel) => panel.scrollWidth - panel.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/lesson-presenter.png' });
});
