// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SsidPrompt } from '../../../../src/app/features/students/approvals/SsidPrompt';
import { keyingSlips } from '../../../shared/keying-slips';

afterEach(cleanup);

function openPrompt() {
  const approved: (string | undefined)[] = [];
  render(<SsidPrompt idPrefix="p" required busy={false} onApprove={(ssid) => approved.push(ssid)} onCancel={() => undefined} />);
  const first = screen.getByLabelText('CA SSID') as HTMLInputElement;
  const second = screen.getByLabelText('Re-enter CA SSID') as HTMLInputElement;
  const approve = () => fireEvent.click(screen.getByRole('button', { name: 'Approve with this SSID' }));
  return { approved, first, second, approve };
}

describe('the approval SSID prompt', () => {
  it.each(['6120339481', '1000000009', '9876543210'])('refuses every one-digit slip and adjacent swap of %s in the second keying', (ssid) => {
    const { approved, first, second, approve } = openPrompt();
    fireEvent.input(first, { target: { value: ssid } });
    for (const slip of keyingSlips(ssid)) {
      fireEvent.input(second, { target: { value: slip } });
      approve();
    }
    expect(approved).toEqual([]);
    fireEvent.input(second, { target: { value: ssid } });
    approve();
    expect(approved).toEqual([ssid]);
  });

  it('hides the first keying while the second is typed, and shows it again once they agree', () => {
    const { first, second } = openPrompt();
    fireEvent.input(first, { target: { value: '6120339481' } });
    fireEvent.focus(second);
    expect(first.value).toBe('');
    expect(document.body.innerHTML).not.toContain('6120339481');
    fireEvent.input(second, { target: { value: '6120339481' } });
    expect(first.value).toBe('6120339481');
  });
});
