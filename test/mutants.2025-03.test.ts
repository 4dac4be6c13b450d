/**
 * The CI sample of the mutation suite for the 2025-03 edition, built with the 2021 edition beside it
 * (`test/mutantSample.ts`); a file of its own so that it builds on another core than the 2021 sample.
 */
import { describeMutantSample } from './mutantSample.js';

describeMutantSample('2025-03');
