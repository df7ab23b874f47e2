// The second half of the convergence schedules (convergence.ts says what they check).
import { CONVERGENCE_RUNS, describeConvergence } from './convergence';

describeConvergence(Math.floor(CONVERGENCE_RUNS / 2), 'second half');
