import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { customerFailOf, withHint } from '../../../errors/customerApi/failCodeError';
import { pastedCustomerUuidHint } from '../../../shared/history/customerUuid';
import { CUSTOMER_API_ENDPOINTS } from '../../../shared/history/endpoints';
import { writtenAs } from '../../../shared/history/filters';
import { toKoreaDay } from '../../../shared/history/kstDates';
import { readCustomerApiSettings } from '../../../shared/history/settings';
import type { CustomerApiPlan } from '../../../shared/operation';
import { asIdentifier, withoutEmpty } from '../../../shared/parameters';
import { parseRequestBody } from '../../../shared/validate';
import {
	UPDATE_CUSTOM_PARAMETER_COUNT,
	setUserInfoBody,
	setUserInfoWireFields,
	updateTextFields,
} from './schema';

/** Customer → Update: `set_user_info` with the fields the user added. */
export function prepare(this: IExecuteFunctions, itemIndex: number): CustomerApiPlan {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const customParameters = (
		((fields.customParameters as IDataObject | undefined)?.parameter as IDataObject[] | undefined) ?? []
	).map((entry) => asIdentifier(entry.value));
	if (customParameters.length > UPDATE_CUSTOM_PARAMETER_COUNT) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: "Custom Parameters" (updateFields.customParameters) allows at most ${UPDATE_CUSTOM_PARAMETER_COUNT} values; got ${customParameters.length}`,
			{ itemIndex, description: 'Nothing was sent for this item.' },
		);
	}
	const uuid = asIdentifier(this.getNodeParameter('uuid', itemIndex));
	const birthday = withoutEmpty({ value: fields.birthday }).value;
	const body = parseRequestBody(
		setUserInfoBody,
		withoutEmpty({
			uuid,
			room_id: asIdentifier(this.getNodeParameter('roomId', itemIndex)),
			...Object.fromEntries(
				Object.entries(updateTextFields).map(([wire, field]) => [wire, asIdentifier(fields[field.parameter])]),
			),
			phone: asIdentifier(fields.phone),
			birthday: birthday === undefined ? undefined : (toKoreaDay(birthday) ?? writtenAs(birthday)),
			birth_type: fields.birthType,
			category_id: asIdentifier(fields.categoryId),
			division_id: asIdentifier(fields.divisionId),
			scenario_next: fields.scenarioNext,
			...Object.fromEntries(customParameters.map((value, i) => [`parameter${i + 1}`, value])),
		} as IDataObject),
		setUserInfoWireFields,
		this.getNode(),
		itemIndex,
	);
	return {
		settings: readCustomerApiSettings.call(this, itemIndex),
		async run(call) {
			const answer = await call(CUSTOMER_API_ENDPOINTS.setUserInfo, body).catch((error: Error) => {
				throw customerFailOf(error)?.code === -503 ? withHint(error, pastedCustomerUuidHint(body.uuid)) : error;
			});
			return [{ ...answer, updated: true, uuid: body.uuid, roomId: body.room_id }];
		},
	};
}
