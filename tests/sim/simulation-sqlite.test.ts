import { simulationSuite } from './sim-suite'

simulationSuite('sqlite')
