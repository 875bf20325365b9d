/** Runs a command that reports on stdout, and returns what it printed instead of printing it. */
export async function quietly(run: () => Promise<void>): Promise<string> {
  const output: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return output.join('');
}
