import { describe, expect, it } from 'vitest';
import {
  type GradableQuestion,
  gradeAnswer,
  gradeAnswerWithJudge,
} from '../../../src/quizzes/engine/grade.ts';

const mc: GradableQuestion = {
  kind: 'MULTIPLE_CHOICE',
  prompt: 'Which option completes the statement? The highest peak of the island is _____.',
  options: ['Pico do Arieiro', 'Pico Ruivo', 'Porto Santo', 'Cabo Girão'],
  answer: 'Pico Ruivo',
};
const tf: GradableQuestion = {
  kind: 'TRUE_FALSE',
  prompt: 'True or false: ...',
  options: ['True', 'False'],
  answer: 'False',
};
const sa = (answer: string): GradableQuestion => ({
  kind: 'SHORT_ANSWER',
  prompt: 'Fill in the blank: ...',
  options: [],
  answer,
});

describe('gradeAnswer', () => {
  it('grades multiple choice by option text, ignoring case and spacing, not by letter', () => {
    expect(gradeAnswer(mc, 'Pico Ruivo').correct).toBe(true);
    expect(gradeAnswer(mc, '  pico   ruivo ').correct).toBe(true);
    expect(gradeAnswer(mc, 'Pico do Arieiro').correct).toBe(false);
    expect(gradeAnswer(mc, 'B').correct).toBe(false);
    expect(gradeAnswer(mc, '').correct).toBe(false);
  });

  it('grades true/false case-insensitively', () => {
    expect(gradeAnswer(tf, 'false').correct).toBe(true);
    expect(gradeAnswer(tf, ' FALSE ').correct).toBe(true);
    expect(gradeAnswer(tf, 'True').correct).toBe(false);
  });

  it('accepts short-answer paraphrases and rejects other facts', () => {
    expect(gradeAnswer(sa('Prince Henry the Navigator'), 'Henry the Navigator').correct).toBe(true);
    expect(gradeAnswer(sa('the light-dependent reactions'), 'light dependent reaction').correct).toBe(true);
    expect(gradeAnswer(sa('carbon dioxide'), 'Carbon Dioxide.').correct).toBe(true);
    expect(gradeAnswer(sa('Melvin Calvin'), 'Jan Ingenhousz').correct).toBe(false);
    expect(gradeAnswer(sa('Prince Henry the Navigator'), 'Henry').correct).toBe(false);
  });

  it('requires numbers to match exactly, however they are written', () => {
    expect(gradeAnswer(sa('1419'), 'in 1419').correct).toBe(true);
    expect(gradeAnswer(sa('1419'), '1420').correct).toBe(false);
    expect(gradeAnswer(sa('1,862 metres'), '1862 metres').correct).toBe(true);
    expect(gradeAnswer(sa('1,862 metres'), '1,826 metres').correct).toBe(false);
    expect(gradeAnswer(sa('seven years'), '7 years').correct).toBe(true);
  });

  it('asks the judge only for short answers the lexical rules reject', async () => {
    const asked: string[] = [];
    const judge = async (_q: GradableQuestion, answer: string) => {
      asked.push(answer);
      return answer === 'the Navigator';
    };
    expect(
      await gradeAnswerWithJudge(sa('Prince Henry the Navigator'), 'Henry the Navigator', judge),
    ).toEqual({
      correct: true,
      method: 'overlap',
    });
    expect(await gradeAnswerWithJudge(sa('Prince Henry the Navigator'), 'the Navigator', judge)).toEqual({
      correct: true,
      method: 'judge',
    });
    expect((await gradeAnswerWithJudge(mc, 'Porto Santo', judge)).correct).toBe(false);
    expect(asked).toEqual(['the Navigator']);
  });
});
