import { simulationSuite } from './sim-suite'

simulationSuite('postgres')
