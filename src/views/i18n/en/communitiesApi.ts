/** Texts of the communities API (JSON answers only). */
export const communitiesApi = {
  'communitiesApi.error.title': 'Please enter a title of 3 to 200 characters.',
  'communitiesApi.error.exampleOnly': 'Only practice examples have a problem, a solution and a status.',
  'communitiesApi.error.reason': 'Please describe the reason in 3 to 1000 characters.',
} as const;
