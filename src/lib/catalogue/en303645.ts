import { EN303645_SOURCE } from './frameworks';
import type { AssessmentMode, Obligation, Provision } from './types';

/*
 * ETSI EN 303 645 V2.1.1: all 68 provisions, paraphrased. Shall/should follows Annex B Table B.1
 * (M = shall, R = should); a condition is given where the table marks the provision conditional.
 * Modes follow the crosswalk (section 1.2): an indication-only mode such as "P(ind.)" still counts,
 * because a field check can give an indication there.
 *
 * The seed file has 67 texts; 5.12-2 (secure setup guidance) is missing from it and added here.
 * V3.1.3 ids come from secondary transcriptions of the V3 Table B.1, so every row carries
 * v3Verified: false until someone checks them against the ETSI PDF.
 */

interface Row {
	id: string;
	obligation: Obligation;
	title: string;
	text: string;
	modes: AssessmentMode[];
	condition?: string;
	/** Only where V3 renumbers or splits the provision; otherwise the id is unchanged. */
	v3?: string[];
}

const UPDATE_MECHANISM = 'The device has a mechanism for updating its software.';
const NOT_CONSTRAINED = 'The device is not a constrained device.';
const NON_UPDATABLE = 'The device is a constrained device whose software cannot be updated.';
const TELEMETRY = 'Telemetry data is collected from the device or its services.';
const CONSENT = "Personal data is processed on the basis of the consumer's consent.";

const rows: Row[] = [
	{
		id: '4-1',
		obligation: 'shall',
		title: 'Reasons recorded for recommendations not met',
		text: 'The manufacturer keeps a written reason for every recommendation of the standard that it treats as not applicable to the device or does not meet.',
		modes: ['documents'],
		v3: ['5.0-1']
	},
	{
		id: '5.1-1',
		obligation: 'shall',
		title: 'Passwords unique per device or set by the user',
		text: 'Once the device has left its factory default state, every password it uses is either unique to that unit or chosen by the user.',
		modes: ['setup', 'physical', 'lab'],
		condition: 'The device uses passwords.'
	},
	{
		id: '5.1-2',
		obligation: 'shall',
		title: 'Pre-installed passwords hard to predict',
		text: 'Where each unit ships with its own pre-installed password, the passwords are generated so that an attacker cannot work them out across the whole product range: no counters, common words or values derived from public information such as a MAC address, and enough complexity.',
		modes: ['physical', 'lab'],
		condition: 'The device ships with a unique pre-installed password.'
	},
	{
		id: '5.1-3',
		obligation: 'shall',
		title: 'Sound cryptography for user authentication',
		text: 'The way users prove who they are to the device relies on cryptography that is current good practice for the technology, the risk and the way the device is used.',
		modes: ['lab']
	},
	{
		id: '5.1-4',
		obligation: 'shall',
		title: 'Simple way to change the password',
		text: 'If a user can log in to the device, the user or an administrator has a simple way to change the password or other authentication value.',
		modes: ['setup', 'documents'],
		condition: 'A user can authenticate to the device.'
	},
	{
		id: '5.1-5',
		obligation: 'shall',
		title: 'Password guessing made impractical',
		text: 'Repeated guessing of passwords or other credentials over network interfaces is made impractical, for example by delays or lock-outs.',
		modes: ['setup', 'lab'],
		condition: NOT_CONSTRAINED
	},
	{
		id: '5.2-1',
		obligation: 'shall',
		title: 'Published vulnerability disclosure policy',
		text: 'The manufacturer publishes a vulnerability disclosure policy that anyone can read. At the least it gives a contact for reporting problems and says when a reporter can expect a first acknowledgement and then status updates until the problem is resolved.',
		modes: ['documents', 'physical']
	},
	{
		id: '5.2-2',
		obligation: 'should',
		title: 'Reported vulnerabilities dealt with promptly',
		text: 'Vulnerabilities that have been reported to the manufacturer are dealt with without undue delay.',
		modes: ['documents']
	},
	{
		id: '5.2-3',
		obligation: 'should',
		title: 'Continuous watch for vulnerabilities',
		text: 'Throughout the defined support period the manufacturer keeps looking for security weaknesses in the products it sells and the services it runs, and fixes them.',
		modes: ['documents']
	},
	{
		id: '5.3-1',
		obligation: 'should',
		title: 'All software securely updatable',
		text: 'Every software component of the device can be updated in a secure way.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.3-2',
		obligation: 'shall',
		title: 'Mechanism for installing updates securely',
		text: 'The device has a mechanism through which updates can be installed securely.',
		modes: ['setup', 'lab'],
		condition: NOT_CONSTRAINED
	},
	{
		id: '5.3-3',
		obligation: 'shall',
		title: 'Updates simple to apply',
		text: 'Installing an update is simple for the user.',
		modes: ['setup'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-4',
		obligation: 'should',
		title: 'Automatic updates',
		text: 'Software updates are delivered and installed by automatic mechanisms.',
		modes: ['setup', 'documents'],
		condition: UPDATE_MECHANISM,
		v3: ['5.3-4A', '5.3-4B']
	},
	{
		id: '5.3-5',
		obligation: 'should',
		title: 'Regular checks for security updates',
		text: 'After it has been set up, and regularly from then on, the device checks whether security updates are available.',
		modes: ['setup', 'lab'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-6',
		obligation: 'should',
		title: 'Update settings on by default and adjustable',
		text: 'Where the device offers automatic updates or update notifications, they are switched on once the device is set up, and the user can turn them on or off or put off installing a security update.',
		modes: ['setup'],
		condition: 'The device supports automatic updates or update notifications.',
		v3: ['5.3-6A', '5.3-6B']
	},
	{
		id: '5.3-7',
		obligation: 'shall',
		title: 'Cryptography protects the update mechanism',
		text: 'The update mechanism relies on good-practice cryptography.',
		modes: ['lab'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-8',
		obligation: 'shall',
		title: 'Timely security updates',
		text: 'Security updates are made available promptly.',
		modes: ['documents'],
		condition: "The device's software can be updated."
	},
	{
		id: '5.3-9',
		obligation: 'should',
		title: 'Updates checked as genuine',
		text: 'The device checks that each software update really comes from the expected source and has not been altered.',
		modes: ['lab'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-10',
		obligation: 'shall',
		title: 'Network updates checked through a trust relationship',
		text: 'When updates arrive over a network, the device confirms that each one is genuine and unaltered by means of an established trust relationship, such as a signature it can verify.',
		modes: ['lab'],
		condition: 'Updates are delivered over a network interface.'
	},
	{
		id: '5.3-11',
		obligation: 'should',
		title: 'Users told when a security update is needed',
		text: 'The manufacturer makes it obvious to the user when a security update is needed and says which risks it deals with.',
		modes: ['setup', 'documents'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-12',
		obligation: 'should',
		title: 'Warning when an update interrupts use',
		text: 'The device tells the user when installing an update will interrupt its basic functions.',
		modes: ['setup'],
		condition: UPDATE_MECHANISM
	},
	{
		id: '5.3-13',
		obligation: 'shall',
		title: 'Support period published',
		text: 'The manufacturer publishes the defined support period (how long security updates will be provided) in a way that users can find and understand.',
		modes: ['documents', 'physical']
	},
	{
		id: '5.3-14',
		obligation: 'should',
		title: 'Non-updatable device explained',
		text: 'For a constrained device that cannot be updated, the manufacturer publishes why, how long and how it supports replacing the hardware, and a defined support period.',
		modes: ['documents'],
		condition: NON_UPDATABLE
	},
	{
		id: '5.3-15',
		obligation: 'should',
		title: 'Non-updatable device isolable and replaceable',
		text: 'A constrained device that cannot be updated can be cut off from the network, and its hardware can be replaced.',
		modes: ['setup', 'documents'],
		condition: NON_UPDATABLE,
		v3: ['5.3-15A', '5.3-15B']
	},
	{
		id: '5.3-16',
		obligation: 'shall',
		title: 'Model designation recognisable',
		text: "The device's model designation can be recognised clearly, either from a label on the device or through a physical interface such as its own display.",
		modes: ['physical', 'setup']
	},
	{
		id: '5.4-1',
		obligation: 'shall',
		title: 'Secrets stored securely',
		text: "Sensitive security parameters held in the device's persistent storage are stored securely.",
		modes: ['lab']
	},
	{
		id: '5.4-2',
		obligation: 'shall',
		title: 'Hard-coded device identity resists tampering',
		text: 'If an identity unique to each device is built in and used for security, it is made to resist physical, electrical and software tampering.',
		modes: ['lab'],
		condition: 'The device uses a hard-coded identity unique to each unit for security purposes.'
	},
	{
		id: '5.4-3',
		obligation: 'shall',
		title: 'No hard-coded critical secrets',
		text: "The device software's source code contains no hard-coded critical security parameters.",
		modes: ['lab']
	},
	{
		id: '5.4-4',
		obligation: 'shall',
		title: 'Keys for updates and services unique per device',
		text: 'Critical security parameters used to check updates and to protect communication with associated services are unique to each device and generated so that a whole product range cannot be attacked at once.',
		modes: ['lab']
	},
	{
		id: '5.5-1',
		obligation: 'shall',
		title: 'Secure communication',
		text: 'The device uses good-practice cryptography to protect its communications.',
		modes: ['lab', 'setup']
	},
	{
		id: '5.5-2',
		obligation: 'should',
		title: 'Reviewed security implementations',
		text: 'Network and security functions, cryptography above all, are built on implementations that have been reviewed or evaluated.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.5-3',
		obligation: 'should',
		title: 'Cryptography can be updated',
		text: 'The cryptographic algorithms and building blocks the device uses can be replaced by an update.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.5-4',
		obligation: 'should',
		title: 'Login before network access to functions',
		text: 'Once set up, the device only lets someone use its functions over a network interface after they have authenticated on that interface.',
		modes: ['setup', 'lab']
	},
	{
		id: '5.5-5',
		obligation: 'shall',
		title: 'Login before security settings change',
		text: 'Changing security-relevant settings over a network interface requires authentication. Network service protocols the device relies on, whose configuration the manufacturer cannot foresee, are excepted.',
		modes: ['setup', 'lab']
	},
	{
		id: '5.5-6',
		obligation: 'should',
		title: 'Critical secrets encrypted in transit',
		text: 'Critical security parameters are encrypted when they are sent, in a way that suits the technology, the risk and the use.',
		modes: ['lab']
	},
	{
		id: '5.5-7',
		obligation: 'shall',
		title: 'Remotely sent secrets kept confidential',
		text: 'The device keeps critical security parameters confidential when it sends them over network interfaces that can be reached remotely.',
		modes: ['lab']
	},
	{
		id: '5.5-8',
		obligation: 'shall',
		title: 'Device secrets managed securely',
		text: 'The manufacturer handles the critical security parameters that relate to the device through secure management processes.',
		modes: ['documents']
	},
	{
		id: '5.6-1',
		obligation: 'shall',
		title: 'Unused interfaces disabled',
		text: 'Network and logical interfaces that are not used are switched off.',
		modes: ['setup', 'lab']
	},
	{
		id: '5.6-2',
		obligation: 'shall',
		title: 'Little revealed before login',
		text: 'Once set up, the device reveals as little security-relevant information as possible over its network interfaces to anyone who has not authenticated.',
		modes: ['lab']
	},
	{
		id: '5.6-3',
		obligation: 'should',
		title: 'No needlessly exposed physical interfaces',
		text: 'The hardware does not leave physical interfaces open to attack without need.',
		modes: ['physical', 'lab']
	},
	{
		id: '5.6-4',
		obligation: 'shall',
		title: 'Reachable debug interface disabled',
		text: 'A debug interface that someone can reach physically is switched off in software.',
		modes: ['physical', 'lab'],
		condition: 'A debug interface is physically accessible.',
		v3: ['5.6-4A', '5.6-4B']
	},
	{
		id: '5.6-5',
		obligation: 'should',
		title: 'Only needed services enabled',
		text: 'The manufacturer enables only the software services that the device needs for its intended use.',
		modes: ['lab']
	},
	{
		id: '5.6-6',
		obligation: 'should',
		title: 'Code kept to what is needed',
		text: 'The software contains only the code the device or service needs to work.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.6-7',
		obligation: 'should',
		title: 'Least privilege',
		text: 'Software runs with the fewest privileges it needs, weighing security against function.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.6-8',
		obligation: 'should',
		title: 'Hardware memory access control',
		text: 'The device has a hardware mechanism that controls access to memory.',
		modes: ['documents', 'lab']
	},
	{
		id: '5.6-9',
		obligation: 'should',
		title: 'Secure development process',
		text: "The manufacturer develops the device's software using secure development processes.",
		modes: ['documents']
	},
	{
		id: '5.7-1',
		obligation: 'should',
		title: 'Secure boot',
		text: 'The device checks its own software at start-up with a secure boot mechanism.',
		modes: ['lab']
	},
	{
		id: '5.7-2',
		obligation: 'should',
		title: 'Alert on unauthorised software change',
		text: 'If the device detects an unauthorised change to its software, it alerts the user or administrator and connects to no wider network than it needs to raise that alert.',
		modes: ['lab']
	},
	{
		id: '5.8-1',
		obligation: 'should',
		title: 'Personal data protected in transit',
		text: 'Personal data passing between the device and services, associated services above all, is kept confidential with good-practice cryptography.',
		modes: ['lab']
	},
	{
		id: '5.8-2',
		obligation: 'shall',
		title: 'Sensitive personal data protected in transit',
		text: 'Sensitive personal data passing between the device and associated services is kept confidential with cryptography suited to the technology and the use.',
		modes: ['lab']
	},
	{
		id: '5.8-3',
		obligation: 'shall',
		title: 'All sensors documented',
		text: 'Every way the device can sense its surroundings (camera, microphone, motion, location and the like) is described for users in an accessible, clear and open way.',
		modes: ['physical', 'documents']
	},
	{
		id: '5.9-1',
		obligation: 'should',
		title: 'Resilience to outages',
		text: 'The device and its services are designed to cope with losing the data network or power.',
		modes: ['setup']
	},
	{
		id: '5.9-2',
		obligation: 'should',
		title: 'Works locally and recovers cleanly',
		text: 'The device keeps working locally when network access is lost, and recovers cleanly when power comes back.',
		modes: ['setup']
	},
	{
		id: '5.9-3',
		obligation: 'should',
		title: 'Orderly network connection',
		text: 'The device connects to networks in an expected, working and stable state, in an orderly way that allows for what the network can handle.',
		modes: ['setup', 'lab']
	},
	{
		id: '5.10-1',
		obligation: 'should',
		title: 'Telemetry examined for anomalies',
		text: 'Where usage and measurement data is collected, it is examined for signs of security problems.',
		modes: ['documents'],
		condition: TELEMETRY
	},
	{
		id: '5.11-1',
		obligation: 'shall',
		title: 'Simple erase of user data',
		text: 'The user has a simple way to erase user data from the device.',
		modes: ['setup', 'physical', 'documents']
	},
	{
		id: '5.11-2',
		obligation: 'should',
		title: 'Personal data removable from services',
		text: 'The device gives the consumer a simple function for removing their personal data from associated services.',
		modes: ['setup']
	},
	{
		id: '5.11-3',
		obligation: 'should',
		title: 'Clear deletion instructions',
		text: 'Users are told clearly, step by step, how to delete their personal data.',
		modes: ['documents', 'physical']
	},
	{
		id: '5.11-4',
		obligation: 'should',
		title: 'Confirmation of deletion',
		text: "Users are told clearly when their personal data is gone from the maker's services, the device and its apps.",
		modes: ['setup']
	},
	{
		id: '5.12-1',
		obligation: 'should',
		title: 'Few decisions, usable security',
		text: 'Installing and maintaining the device asks the user to make as few decisions as possible and follows good practice on usable security.',
		modes: ['setup']
	},
	{
		id: '5.12-2',
		obligation: 'should',
		title: 'Guidance on secure setup',
		text: 'The manufacturer tells users how to set the device up securely.',
		modes: ['documents', 'physical']
	},
	{
		id: '5.12-3',
		obligation: 'should',
		title: 'Guidance on checking the setup',
		text: 'The manufacturer tells users how to check that their device is set up securely.',
		modes: ['documents', 'setup']
	},
	{
		id: '5.13-1',
		obligation: 'shall',
		title: 'Input validated',
		text: 'Device software checks data that arrives through user interfaces, through APIs or between networks before using it.',
		modes: ['lab', 'setup'],
		v3: ['5.13-1A', '5.13-1B']
	},
	{
		id: '6-1',
		obligation: 'shall',
		title: 'Clear information on personal data',
		text: 'For each device and service, the manufacturer tells consumers clearly what personal data is processed, how it is used, by whom (third parties such as advertisers included) and why.',
		modes: ['documents', 'physical']
	},
	{
		id: '6-2',
		obligation: 'shall',
		title: 'Valid consent',
		text: 'Where personal data is processed because the consumer agreed to it, that agreement is obtained in a valid way.',
		modes: ['setup'],
		condition: CONSENT
	},
	{
		id: '6-3',
		obligation: 'shall',
		title: 'Consent can be withdrawn',
		text: 'Consumers who gave consent can take it back whenever they choose.',
		modes: ['setup'],
		condition: CONSENT,
		v3: ['6-3A', '6-3B']
	},
	{
		id: '6-4',
		obligation: 'should',
		title: 'Minimal personal data in telemetry',
		text: 'Personal data in collected telemetry is limited to what the intended function needs.',
		modes: ['documents', 'lab'],
		condition: TELEMETRY
	},
	{
		id: '6-5',
		obligation: 'shall',
		title: 'Consumers told about telemetry',
		text: 'Consumers are told what telemetry is collected, how it is used, by whom and why.',
		modes: ['documents', 'setup'],
		condition: TELEMETRY
	}
];

function clauseOf(id: string): string {
	const dash = id.indexOf('-');
	return dash < 0 ? id : id.slice(0, dash);
}

export const en303645Provisions: Provision[] = rows.map((row) => {
	const provision: Provision = {
		framework: 'EN303645',
		id: row.id,
		title: row.title,
		text: row.text,
		obligation: row.obligation,
		modes: row.modes,
		v3Ids: row.v3 ?? [row.id],
		v3Verified: false,
		source: { ...EN303645_SOURCE, reference: `clause ${clauseOf(row.id)}, provision ${row.id}` }
	};
	// Absent rather than undefined, so the catalogue survives a JSON round trip unchanged.
	if (row.condition) provision.condition = row.condition;
	return provision;
});
