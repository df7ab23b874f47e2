// The first half of the convergence schedules (convergence.ts says what they check).
import { CONVERGENCE_RUNS, describeConvergence } from './convergence';

describeConvergence(Math.ceil(CONVERGENCE_RUNS / 2), 'first half');
